package cn.opencredit.gateway.subject;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.paging.SerializedPage;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.uscc.Uscc;

/** Subject lookup and search. Other capabilities resolve subjects through here. */
@Singleton
public class SubjectService {

    private final SubjectRepository repository;
    private final SubjectSearchCache searchCache;
    private final ObjectMapper json;

    SubjectService(SubjectRepository repository, SubjectSearchCache searchCache, ObjectMapper json) {
        this.repository = repository;
        this.searchCache = searchCache;
        this.json = json;
    }

    /** The internal id of the subject with this USCC, or a 404 problem. */
    public Uni<Long> requireId(Uscc uscc) {
        return repository.findIdByUscc(uscc).onItem().ifNull().failWith(() -> notFound(uscc));
    }

    /** The USCC of the subject with this id (null for a natural person). */
    public Uni<String> usccOf(long id) {
        return repository.findUsccById(id);
    }

    /** The subject's registration data, or a 404 problem. */
    public Uni<SubjectDetails> require(Uscc uscc) {
        return repository.findByUscc(uscc).onItem().ifNull().failWith(() -> notFound(uscc));
    }

    /** The subject and every part added to {@code read}, in one statement; a 404 problem when no subject has the USCC. */
    public Uni<SubjectParts.Read> read(SubjectParts read) {
        return repository.read(read).onItem().ifNull().failWith(() -> notFound(read.uscc()));
    }

    /** Search hits in USCC order (stable, so keyset paging visits each subject once). */
    public Uni<Page<SubjectSummaryView>> search(SubjectSearch search, String limit, String cursor) {
        return answer(search, limit, cursor).map(SearchAnswer::page);
    }

    /** The same page as the API answers it, written as JSON once for each time the page is read from the database. */
    public Uni<SerializedPage> searchJson(SubjectSearch search, String limit, String cursor) {
        return answer(search, limit, cursor).map(SearchAnswer::json);
    }

    private Uni<SearchAnswer> answer(SubjectSearch search, String limit, String cursor) {
        Log.debugf("search %s", search);
        String query = search.fingerprint();
        PageRequest page = PageRequest.parse(limit, cursor, query, 1);
        Optional<String> after = page.after(key -> Uscc.parse(key.getFirst(), "cursor").value());
        String pageKey = query + '\n' + page.fetchSize() + '\n' + after.orElse("");
        return searchCache.page(pageKey, () -> repository.search(search, after, page.fetchSize())
                .map(rows -> SearchAnswer.of(Page.of(rows, page, query, row -> List.of(row.uscc())).map(SubjectMapper::toSummary), json)));
    }

    /**
     * Locks the subject with this USCC until the caller's Hibernate Reactive transaction ends, so
     * that writers about one subject (list inclusions, workflows) take turns; null when there is none.
     */
    public Uni<LockedSubject> lockForUpdate(String uscc) {
        return repository.lockForUpdate(uscc);
    }

    /** In the caller's transaction {@code tx}: the registered names of these USCCs. */
    public Uni<Map<String, String>> registeredNames(SqlConnection tx, Set<String> usccs) {
        return repository.registeredNames(tx, usccs);
    }

    /** In the caller's transaction: the USCCs registered under each of these {@link SubjectNames#key name keys}. */
    public Uni<Map<String, Set<String>>> usccsByNameKey(SqlConnection tx, Set<String> nameKeys) {
        return repository.usccsByNameKey(tx, nameKeys);
    }

    /** In the caller's transaction: registers the subjects not known yet; known ones stay as they are. */
    public Uni<Void> registerAll(SqlConnection tx, List<NewSubject> subjects) {
        return repository.insertAll(tx, subjects);
    }

    /** In the caller's transaction: ids by {@link #key}, of the subjects with these USCCs or identity hashes. */
    public Uni<Map<String, Long>> ids(SqlConnection tx, Set<String> usccs, List<byte[]> identityHashes) {
        return repository.ids(tx, usccs, identityHashes);
    }

    /** What identifies a subject within one write: its USCC, or for a natural person the hash of its identity number. */
    public static String key(String uscc, byte[] identityHash) {
        return uscc != null ? uscc : "#" + HexFormat.of().formatHex(identityHash);
    }

    public static ProblemException notFound(Uscc uscc) {
        return new ProblemException(ProblemType.SUBJECT_NOT_FOUND, "No subject with USCC " + uscc.value() + " is registered");
    }
}
