package cn.opencredit.gateway.stats;

import java.time.Clock;
import java.time.YearMonth;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.timeline.TimelineService;

/** 双公示 statistics over read models; reads only, never writes. */
@ApplicationScoped
public class StatsService {

    private final StatsRepository repository;

    private final TimelineService timeline;
    private final Clock clock;

    StatsService(StatsRepository repository, TimelineService timeline, Clock clock) {
        this.repository = repository;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** The subject workflows' cases per workflow, department and month opened, as the timeline recorded them. */
    public Uni<WorkflowStatsView> workflows(String workflow, String department, String from, String to) {
        WorkflowStatsQuery query = WorkflowStatsQuery.parse(workflow, department, from, to, YearMonth.from(ChinaTime.today(clock)));
        return timeline.statistics(query.workflow(), query.department(), query.from(), query.to())
                .map(months -> new WorkflowStatsView(query.from().toString(), query.to().toString(), months));
    }

    /** Counts and on-time rate per department for decisions in the range, and the black-list share of every region. */
    public Uni<DisclosureStatsView> disclosures(String department, String from, String to) {
        StatsQuery query = StatsQuery.parse(department, from, to);
        Log.debugf("disclosure statistics %s", query);
        return repository.computedAt()
                .chain(computedAt -> repository.departments(query)
                        .chain(departments -> repository.regions()
                                .map(regions -> new DisclosureStatsView(computedAt, query.department().orElse(null), query.from().orElse(null),
                                        query.to().orElse(null),
                                        departments.stream().map(StatsService::toView).toList(),
                                        regions.stream().map(r -> new DisclosureStatsView.RegionStats(r.regionCode(), r.subjects(),
                                                r.blackListed(), StatsPolicies.ratePolicy(r.blackListed(), r.subjects()))).toList()))));
    }

    private static DisclosureStatsView.DepartmentStats toView(StatsRepository.DepartmentCounts counts) {
        long onTime = counts.timed() - counts.late();
        return new DisclosureStatsView.DepartmentStats(new DisclosureStatsView.Department(counts.name(), counts.uscc()), counts.licences(),
                counts.penalties(), counts.timed(), onTime, counts.late(), StatsPolicies.ratePolicy(onTime, counts.timed()));
    }
}
