package cn.opencredit.gateway.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.creditlist.CreditListService;
import cn.opencredit.gateway.creditlist.ListStanding;
import cn.opencredit.gateway.evaluation.EvaluationService;
import cn.opencredit.gateway.evaluation.GradeSummary;
import cn.opencredit.gateway.record.RecordAudience;
import cn.opencredit.gateway.record.RecordService;
import cn.opencredit.gateway.record.RecordSummary;
import cn.opencredit.gateway.shared.cache.CachedJson;
import cn.opencredit.gateway.shared.cache.ReadThroughCache;
import cn.opencredit.gateway.shared.money.Money;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.subject.SubjectDetails;
import cn.opencredit.gateway.subject.SubjectParts;
import cn.opencredit.gateway.subject.SubjectService;

/**
 * The credit profile: one read model assembled from subjects, records, lists and the grade, each
 * part written and read by its own capability and all of them answered by PostgreSQL in one
 * statement ({@link SubjectParts}). The records in it are those the caller's audience may see;
 * answers are cached per subject and audience, and invalidated by the subject's data version.
 */
@Singleton
public class ProfileService {

    static final int LATEST_RECORDS = 5;

    private final SubjectService subjects;
    private final RecordService records;
    private final CreditListService lists;
    private final EvaluationService evaluations;
    private final ReadThroughCache cache;

    ProfileService(SubjectService subjects, RecordService records, CreditListService lists, EvaluationService evaluations, ReadThroughCache cache) {
        this.evaluations = evaluations;
        this.subjects = subjects;
        this.records = records;
        this.lists = lists;
        this.cache = cache;
    }

    /** The profile as the caller's audience sees it, as cached JSON; a 404 problem when no subject has this USCC. */
    public Uni<CachedJson> profile(Uscc uscc, ApiClient caller) {
        RecordAudience audience = records.audienceOf(caller, uscc);
        Log.debugf("profile uscc=%s audience=%s", uscc, audience);
        return cache.get(uscc.value(), "profile", audience.code(), () -> loadProfile(uscc, audience))
                .invoke(answer -> {
                    if (!answer.found()) {
                        throw SubjectService.notFound(uscc);
                    }
                });
    }

    /**
     * The profile's parts of a read of the subject in one statement, for an answer that carries the
     * profile together with more of the subject (the bank's package, the credit report).
     */
    public Parts parts(SubjectParts read, RecordAudience audience) {
        return new Parts(lists.standingPart(read), records.visibleSummaryPart(read, audience, LATEST_RECORDS), evaluations.gradePart(read));
    }

    /** The subject and its three parts in one statement (SubjectParts): a miss costs one round trip to PostgreSQL, not four. */
    private Uni<ProfileView> loadProfile(Uscc uscc, RecordAudience audience) {
        SubjectParts read = SubjectParts.of(uscc);
        Parts parts = parts(read, audience);
        return subjects.read(read).map(parts::view);
    }

    /** The parts a profile is made of; {@code standing} is the subject's list standing, for answers that show it apart too. */
    public record Parts(SubjectParts.Part<ListStanding> standing, SubjectParts.Part<RecordSummary> summary,
            SubjectParts.Part<Optional<GradeSummary>> grade) {

        /** The profile, from a read these parts were added to. */
        public ProfileView view(SubjectParts.Read found) {
            SubjectDetails subject = found.subject();
            ListStanding listStanding = found.get(standing);
            RecordSummary recordSummary = found.get(summary);
            Map<String, Long> counts = new LinkedHashMap<>();
            recordSummary.counts().forEach((category, count) -> counts.put(category.code(), count));
            return new ProfileView(subject.uscc(), subject.name(), subject.type(), subject.legalRepresentative(),
                    subject.regionCode(), subject.industrySection(), subject.registeredOn(), subject.status(),
                    Money.of(subject.registeredCapital(), subject.capitalCurrency()), subject.address(),
                    listStanding.memberships(), listStanding.history(), counts, recordSummary.latest(), found.get(grade).orElse(null));
        }
    }
}
