package cn.opencredit.gateway.subject;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.creditlist.CreditListService;
import cn.opencredit.gateway.record.RecordService;
import cn.opencredit.gateway.shared.cache.CachedJson;
import cn.opencredit.gateway.shared.cache.ReadThroughCache;
import cn.opencredit.gateway.shared.uscc.Uscc;

/**
 * The public credit profile: one read model assembled from subjects, records and lists. Its
 * parts are independent reads on the connection pool (no shared session), so they run at once.
 * Answers are cached per subject and view, and invalidated by the subject's data version.
 */
@ApplicationScoped
public class SubjectProfileService {

    static final String PUBLIC_VIEW = "public";

    private final SubjectService subjects;
    private final RecordService records;
    private final CreditListService lists;
    private final ReadThroughCache cache;

    SubjectProfileService(SubjectService subjects, RecordService records, CreditListService lists, ReadThroughCache cache) {
        this.subjects = subjects;
        this.records = records;
        this.lists = lists;
        this.cache = cache;
    }

    /** The public profile as cached JSON; a 404 problem when no subject has this USCC. */
    public Uni<CachedJson> publicProfile(Uscc uscc) {
        Log.debugf("publicProfile uscc=%s", uscc);
        return cache.get(uscc.value(), "profile", PUBLIC_VIEW, () -> loadPublicProfile(uscc))
                .invoke(answer -> {
                    if (!answer.found()) {
                        throw SubjectService.notFound(uscc);
                    }
                });
    }

    private Uni<SubjectProfileView> loadPublicProfile(Uscc uscc) {
        return subjects.require(uscc)
                .chain(subject -> Uni.combine().all()
                        .unis(lists.currentMemberships(subject.id()), lists.history(subject.id()), records.publicCounts(subject.id()),
                                records.latestPublic(subject.id(), SubjectService.LATEST_RECORDS))
                        .with((memberships, history, counts, latest) -> SubjectMapper.toProfile(subject, memberships, history, counts,
                                latest)));
    }
}
