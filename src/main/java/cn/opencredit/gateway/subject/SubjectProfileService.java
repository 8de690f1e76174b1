package cn.opencredit.gateway.subject;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.creditlist.CreditListService;
import cn.opencredit.gateway.record.RecordService;
import cn.opencredit.gateway.shared.uscc.Uscc;

/**
 * The public credit profile: one read model assembled from subjects, records and lists. Its
 * parts are independent reads on the connection pool (no shared session), so they run at once.
 */
@ApplicationScoped
public class SubjectProfileService {

    private final SubjectService subjects;
    private final RecordService records;
    private final CreditListService lists;

    SubjectProfileService(SubjectService subjects, RecordService records, CreditListService lists) {
        this.subjects = subjects;
        this.records = records;
        this.lists = lists;
    }

    public Uni<SubjectProfileView> publicProfile(Uscc uscc) {
        Log.debugf("publicProfile uscc=%s", uscc);
        return subjects.require(uscc)
                .chain(subject -> Uni.combine().all()
                        .unis(lists.currentMemberships(subject.id()), records.publicCounts(subject.id()),
                                records.latestPublic(subject.id(), SubjectService.LATEST_RECORDS))
                        .with((memberships, counts, latest) -> SubjectMapper.toProfile(subject, memberships, counts, latest)));
    }
}
