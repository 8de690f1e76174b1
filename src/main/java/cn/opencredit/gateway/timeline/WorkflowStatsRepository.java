package cn.opencredit.gateway.timeline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The cases of the workflows as the timeline recorded them, grouped for statistics. */
@ApplicationScoped
class WorkflowStatsRepository {

    /**
     * Cases opened in the range, with the same answerable department, opening and handling days, who
     * handled them and their state now. A case opens with its first event (no state before); it is
     * handled by the first event that leaves the state it opened in; its state now is its last event's.
     */
    private static final String CASES = """
            SELECT o.workflow, coalesce(o.department_uscc, l.department_uscc) AS department_uscc, o.state_to AS opened_in,
                   (o.occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS opened_on,
                   (l.occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS handled_on, l.actor_type AS handled_by, n.state_to AS state_now,
                   count(*) AS cases
            FROM workflow_event o
            LEFT JOIN LATERAL (SELECT e.occurred_at, e.actor_type, e.department_uscc FROM workflow_event e
                               WHERE e.workflow = o.workflow AND e.case_id = o.case_id AND e.id > o.id AND e.state_from = o.state_to
                               ORDER BY e.id LIMIT 1) AS l ON true
            JOIN LATERAL (SELECT e.state_to FROM workflow_event e WHERE e.workflow = o.workflow AND e.case_id = o.case_id
                          ORDER BY e.id DESC LIMIT 1) AS n ON true
            WHERE o.state_from IS NULL AND o.workflow = ANY ($1) AND o.occurred_at >= $2 AND o.occurred_at < $3
              AND ($4::text IS NULL OR coalesce(o.department_uscc, l.department_uscc) = $4)
            GROUP BY 1, 2, 3, 4, 5, 6, 7""";

    private final Pool pool;

    WorkflowStatsRepository(Pool pool) {
        this.pool = pool;
    }

    record CaseGroup(Workflow workflow, String departmentUscc, String openedIn, LocalDate openedOn, LocalDate handledOn, String handledBy,
            String stateNow, long cases) {
    }

    Uni<List<CaseGroup>> cases(List<Workflow> workflows, OffsetDateTime from, OffsetDateTime until, Optional<String> department) {
        return pool.preparedQuery(CASES)
                .execute(Tuple.of(workflows.stream().map(Enum::name).toArray(String[]::new), from, until, department.orElse(null)))
                .map(rows -> {
                    List<CaseGroup> groups = new ArrayList<>(rows.size());
                    rows.forEach(row -> groups.add(new CaseGroup(Workflow.valueOf(row.getString("workflow")), row.getString("department_uscc"),
                            row.getString("opened_in"), row.getLocalDate("opened_on"), row.getLocalDate("handled_on"), row.getString("handled_by"),
                            row.getString("state_now"), row.getLong("cases"))));
                    return groups;
                });
    }
}
