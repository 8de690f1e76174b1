package cn.opencredit.gateway.subject;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.uscc.Uscc;

/** Subject lookup and search. Other capabilities resolve subjects through here. */
@Singleton
public class SubjectService {

    static final int LATEST_RECORDS = 5;

    private final SubjectRepository repository;

    SubjectService(SubjectRepository repository) {
        this.repository = repository;
    }

    /** The internal id of the subject with this USCC, or a 404 problem. */
    public Uni<Long> requireId(Uscc uscc) {
        return repository.findIdByUscc(uscc).onItem().ifNull().failWith(() -> notFound(uscc));
    }

    Uni<SubjectRow> require(Uscc uscc) {
        return repository.findByUscc(uscc).onItem().ifNull().failWith(() -> notFound(uscc));
    }

    /** Search hits in USCC order (stable, so keyset paging visits each subject once). */
    public Uni<Page<SubjectSummaryView>> search(SubjectSearch search, String limit, String cursor) {
        Log.debugf("search %s", search);
        String query = search.fingerprint();
        PageRequest page = PageRequest.parse(limit, cursor, query, 1);
        Optional<String> after = page.after(key -> Uscc.parse(key.getFirst(), "cursor").value());
        return repository.search(search, after, page.fetchSize())
                .map(rows -> Page.of(rows, page, query, row -> List.of(row.uscc())).map(SubjectMapper::toSummary));
    }

    public static ProblemException notFound(Uscc uscc) {
        return new ProblemException(ProblemType.SUBJECT_NOT_FOUND, "No subject with USCC " + uscc.value() + " is registered");
    }
}
