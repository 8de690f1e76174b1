package cn.opencredit.gateway.record;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.cache.CachedJson;
import cn.opencredit.gateway.shared.cache.ReadThroughCache;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.subject.SubjectService;

/** A subject's public credit records. */
@ApplicationScoped
public class RecordService {

    static final String PUBLIC_VIEW = "public";

    private final RecordRepository repository;
    private final SubjectService subjects;
    private final ReadThroughCache cache;
    private final Clock clock;

    RecordService(RecordRepository repository, SubjectService subjects, ReadThroughCache cache, Clock clock) {
        this.repository = repository;
        this.subjects = subjects;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * One page of the public records as cached JSON, newest first; a 404 problem when no subject
     * has this USCC. Parameters are checked before the cache is asked.
     */
    public Uni<CachedJson> publicRecords(Uscc uscc, Optional<RecordCategory> category, String limit, String cursor) {
        Log.debugf("publicRecords uscc=%s category=%s", uscc, category);
        String query = "records|" + uscc.value() + "|" + category.map(Enum::name).orElse("");
        PageRequest page = PageRequest.parse(limit, cursor, query, 2);
        Optional<List<String>> after = page.after(key -> List.of(LocalDate.parse(key.get(0)).toString(), Long.toString(Long.parseLong(key.get(1)))));
        String answer = "records:" + category.map(RecordCategory::code).orElse("all") + ":" + page.limit() + ":" + (cursor == null ? "" : cursor);
        return cache.get(uscc.value(), answer, PUBLIC_VIEW, () -> subjects.requireId(uscc)
                        .chain(subjectId -> repository.findPublic(subjectId, category, after, page.fetchSize(), ChinaTime.today(clock)))
                        .map(rows -> Page.of(rows, page, query, r -> List.of(r.decisionDate().toString(), r.id()))))
                .invoke(cached -> {
                    if (!cached.found()) {
                        throw SubjectService.notFound(uscc);
                    }
                });
    }

    public Uni<Map<RecordCategory, Long>> publicCounts(long subjectId) {
        return repository.countPublicByCategory(subjectId, ChinaTime.today(clock));
    }

    public Uni<List<RecordView>> latestPublic(long subjectId, int count) {
        return repository.findPublic(subjectId, Optional.empty(), Optional.empty(), count, ChinaTime.today(clock));
    }
}
