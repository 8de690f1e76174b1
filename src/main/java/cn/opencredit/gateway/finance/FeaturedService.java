package cn.opencredit.gateway.finance;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.evaluation.EvaluationService;
import cn.opencredit.gateway.evaluation.Grade;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.sql.RegionPrefix;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.QueryParameters;
import cn.opencredit.gateway.subject.SubjectService;
import cn.opencredit.gateway.timeline.TimelineService;
import cn.opencredit.gateway.timeline.Transition;
import cn.opencredit.gateway.timeline.Workflow;

/**
 * The featured feed (优质企业推送): an enterprise opts in, and from then on, while it is active and its
 * current grade is one the feed requires, banks find it in the feed with its grade and score; it
 * opts out and is gone from the next read. The grade is the evaluation's, read at each request, so
 * a grade that drops takes the enterprise out at once too.
 */
@Startup
@ApplicationScoped
public class FeaturedService {

    private final FeaturedRepository repository;
    private final EvaluationService evaluations;
    private final SubjectService subjects;
    private final TimelineService timeline;
    private final Set<Grade> grades;
    private final Clock clock;

    FeaturedService(FeaturedRepository repository, EvaluationService evaluations, SubjectService subjects, TimelineService timeline,
            MarketConfig config, Clock clock) {
        List<String> faults = FeaturedPolicies.configFaults(config.featuredGrades());
        if (!faults.isEmpty()) {
            throw new IllegalStateException("The 信易贷 market is misconfigured: " + String.join("; ", faults));
        }
        this.repository = repository;
        this.evaluations = evaluations;
        this.subjects = subjects;
        this.timeline = timeline;
        this.grades = EnumSet.copyOf(config.featuredGrades());
        this.clock = clock;
    }

    /** The enterprise (or an operator for it) opts in; opting in again changes nothing. */
    public Uni<FeaturedStatusView> optIn(Uscc uscc, ApiClient caller) {
        DemandPolicies.enterprisePolicy(caller, uscc.value()).orThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        // The subject's lock makes two first opt-ins of one enterprise take turns: the second finds the first's row.
        return subjects.requireId(uscc).chain(subjectId -> Panache.withTransaction(() -> subjects.lockForUpdate(uscc.value())
                .chain(() -> repository.findForUpdate(subjectId)).chain(found -> optIn(subjectId, found, caller, now))))
                .chain(featured -> status(uscc, featured));
    }

    private Uni<FeaturedEnterprise> optIn(long subjectId, FeaturedEnterprise found, ApiClient caller, OffsetDateTime now) {
        if (found != null && found.optedIn()) {
            return Uni.createFrom().item(found);
        }
        FeaturedEnterprise featured = found != null ? found : new FeaturedEnterprise();
        featured.subjectId = subjectId;
        featured.optedInAt = now;
        featured.optedOutAt = null;
        Uni<FeaturedEnterprise> stored = found != null ? repository.flush().replaceWith(featured) : repository.persistAndFlush(featured);
        return stored.call(() -> timeline.append(transition(subjectId, "opted-in", found == null ? null : "OPTED_OUT", "OPTED_IN", caller, now)));
    }

    /** The enterprise (or an operator for it) opts out: out of the feed from the next read on every replica. */
    public Uni<Void> optOut(Uscc uscc, ApiClient caller) {
        DemandPolicies.enterprisePolicy(caller, uscc.value()).orThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return subjects.requireId(uscc).chain(subjectId -> Panache.withTransaction(() -> repository.findForUpdate(subjectId).chain(found -> {
            if (found == null || !found.optedIn()) {
                return Uni.createFrom().voidItem();
            }
            found.optedOutAt = now;
            return repository.flush().call(() -> timeline.append(transition(subjectId, "opted-out", "OPTED_IN", "OPTED_OUT", caller, now)))
                    .replaceWithVoid();
        })));
    }

    private Uni<FeaturedStatusView> status(Uscc uscc, FeaturedEnterprise featured) {
        return evaluations.gradedAmong(List.of(featured.subjectId), grades, Optional.empty(), Optional.empty(), Optional.empty(), 1)
                .map(listed -> new FeaturedStatusView(uscc.value(), true, ChinaTime.inChina(featured.optedInAt), !listed.isEmpty(),
                        grades.stream().map(Grade::name).sorted().toList()));
    }

    /**
     * The feed, in USCC order: opted-in enterprises, active, of a required grade; optionally of a
     * region (2, 4 or 6 digits) and an industry section. Keyset pages on the USCC.
     */
    public Uni<Page<FeaturedView>> feed(String region, String industry, String limit, String cursor) {
        Optional<RegionPrefix> regionPrefix = RegionPrefix.parse(region);
        List<FieldError> errors = new ArrayList<>();
        Optional<String> section = QueryParameters.text(industry, "industry", errors).map(s -> s.toUpperCase(Locale.ROOT))
                .filter(s -> FeaturedPolicies.industryPolicy(s, errors));
        QueryParameters.rejectIfAny(errors);
        String query = "finance-featured|" + regionPrefix.map(RegionPrefix::digits).orElse("") + "|" + section.orElse("");
        PageRequest page = PageRequest.parse(limit, cursor, query, 1);
        Optional<String> after = page.after(key -> Uscc.parse(key.getFirst(), "cursor").value());
        return Panache.withSession(repository::optedIn).chain(optedIn -> {
            Map<Long, OffsetDateTime> since = optedIn.stream().collect(Collectors.toMap(f -> f.subjectId, f -> f.optedInAt));
            return evaluations.gradedAmong(since.keySet(), grades, regionPrefix, section, after, page.fetchSize())
                    .map(rows -> Page.of(rows, page, query, row -> List.of(row.uscc())).map(row -> new FeaturedView(row.uscc(), row.name(),
                            row.regionCode(), row.industrySection(), row.grade(), row.grade().nameZh(), row.score(),
                            ChinaTime.inChina(since.get(row.subjectId())))));
        });
    }

    private static Transition transition(long subjectId, String name, String from, String to, ApiClient actor, OffsetDateTime at) {
        return new Transition(subjectId, Workflow.FINANCE_FEATURED, subjectId, name, from, to, actor.type(), actor.consumerId(), actor.boundUscc(),
                null, null, at);
    }
}
