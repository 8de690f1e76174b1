package cn.opencredit.gateway.timeline;

import java.time.Clock;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.subject.SubjectService;

/**
 * Every transition of a subject's cases, in one timeline: the workflows append theirs inside their
 * own transaction, so a transition and its record in the timeline commit together.
 */
@ApplicationScoped
public class TimelineService {

    private final SubjectService subjects;
    private final WorkflowStatsRepository statistics;
    private final Instance<WorkflowTimeLimit> limits;
    private final WorkdayCalendar calendar;
    private final Clock clock;

    TimelineService(SubjectService subjects, WorkflowStatsRepository statistics, @Any Instance<WorkflowTimeLimit> limits, WorkdayCalendar calendar,
            Clock clock) {
        this.subjects = subjects;
        this.statistics = statistics;
        this.limits = limits;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * The subject workflows' cases opened from month {@code from} to month {@code to} (China time),
     * per workflow, answerable department and month, with their outcomes, handling times and
     * overdue counts (one of {@link Workflow#SUBJECT_WORKFLOWS}, or all of them).
     */
    public Uni<List<WorkflowMonth>> statistics(Optional<Workflow> workflow, Optional<String> department, YearMonth from, YearMonth to) {
        List<Workflow> workflows = workflow.map(List::of).orElse(Workflow.SUBJECT_WORKFLOWS);
        Map<Workflow, Integer> limitsByWorkflow = new EnumMap<>(Workflow.class);
        limits.forEach(limit -> limitsByWorkflow.put(limit.workflow(), limit.workingDays()));
        return statistics.cases(workflows, from.atDay(1).atStartOfDay().atOffset(ChinaTime.OFFSET),
                        to.plusMonths(1).atDay(1).atStartOfDay().atOffset(ChinaTime.OFFSET), department)
                .map(groups -> TimelinePolicies.statistics(groups, limitsByWorkflow, calendar, ChinaTime.today(clock)));
    }

    /** Appends a transition in the caller's Hibernate Reactive transaction. */
    public Uni<Void> append(Transition transition) {
        WorkflowEvent event = new WorkflowEvent();
        event.subjectId = transition.subjectId();
        event.workflow = transition.workflow();
        event.caseId = transition.caseId();
        event.transition = transition.transition();
        event.stateFrom = transition.from();
        event.stateTo = transition.to();
        event.actorType = transition.actorType();
        event.actorConsumerId = transition.actorConsumerId();
        event.actorUscc = transition.actorUscc();
        event.departmentUscc = transition.departmentUscc();
        event.reason = transition.reason();
        event.occurredAt = transition.at();
        return Panache.getSession().chain(session -> session.persist(event));
    }

    /** One case's transitions, oldest first. */
    public Uni<List<TimelineView>> caseEvents(Workflow workflow, long caseId) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createQuery("FROM WorkflowEvent WHERE workflow = :workflow AND caseId = :caseId ORDER BY id", WorkflowEvent.class)
                .setParameter("workflow", workflow).setParameter("caseId", caseId).getResultList()))
                .map(events -> events.stream().map(TimelineService::view).toList());
    }

    /** A subject's events of some workflows, newest first, at most {@code limit} (for the credit report, whose reader is checked there). */
    public Uni<List<TimelineView>> subjectEvents(long subjectId, Set<Workflow> workflows, int limit) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createQuery("FROM WorkflowEvent WHERE subjectId = :subject AND workflow IN (:workflows) ORDER BY id DESC", WorkflowEvent.class)
                        .setParameter("subject", subjectId).setParameter("workflows", workflows).setMaxResults(limit).getResultList()))
                .map(events -> events.stream().map(TimelineService::view).toList());
    }

    /**
     * A subject's timeline, newest first: for the subject itself (a consumer bound to its USCC) and
     * operators; anyone else is refused (403), since it shows who disputed and repaired what.
     */
    public Uni<Page<TimelineView>> timeline(Uscc uscc, ApiClient caller, String limit, String cursor) {
        TimelinePolicies.readerPolicy(caller, uscc.value()).orThrow();
        String query = "timeline|" + uscc.value();
        PageRequest page = PageRequest.parse(limit, cursor, query, 1);
        Optional<Long> before = page.after(key -> Long.parseLong(key.getFirst()));
        return subjects.requireId(uscc).chain(subjectId -> Panache.withSession(() -> Panache.getSession().chain(session -> {
                    var select = session.createQuery("FROM WorkflowEvent WHERE subjectId = :subject"
                            + (before.isPresent() ? " AND id < :before" : "") + " ORDER BY id DESC", WorkflowEvent.class)
                            .setParameter("subject", subjectId);
                    before.ifPresent(id -> select.setParameter("before", id));
                    return select.setMaxResults(page.fetchSize()).getResultList();
                })))
                .map(events -> Page.of(events, page, query, event -> List.of(Long.toString(event.id))).map(TimelineService::view));
    }

    private static TimelineView view(WorkflowEvent event) {
        return new TimelineView(Long.toString(event.id), event.workflow, Long.toString(event.caseId), event.transition,
                event.stateFrom == null ? null : code(event.stateFrom), code(event.stateTo), code(event.actorType), event.actorUscc,
                event.reason, ChinaTime.inChina(event.occurredAt));
    }

    private static String code(String name) {
        return TimelinePolicies.code(name);
    }
}
