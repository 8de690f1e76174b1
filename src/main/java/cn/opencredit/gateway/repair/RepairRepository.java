package cn.opencredit.gateway.repair;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.sql.FilteredQuery;

@ApplicationScoped
class RepairRepository implements PanacheRepositoryBase<RepairApplication, Long> {

    Uni<RepairApplication> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    Uni<RepairApplication> findByKey(UUID applicant, String key) {
        return find("applicantConsumerId = ?1 AND idempotencyKey = ?2", applicant, key).firstResult();
    }

    Uni<RepairApplication> findOpen(long recordId) {
        return find("recordId = ?1 AND state = ?2", recordId, RepairState.SUBMITTED).firstResult();
    }

    /** Whose applications a list shows, and which. */
    record Filter(Optional<String> department, Optional<String> subjectUscc, Optional<RepairState> state, boolean overdueOnly) {
    }

    /** One page of applications, newest first, before {@code before}. */
    Uni<List<RepairApplication>> page(Filter filter, LocalDate today, Optional<Long> before, int fetchSize) {
        FilteredQuery query = new FilteredQuery().equal("departmentUscc", filter.department()).equal("subjectUscc", filter.subjectUscc())
                .equal("state", filter.state())
                .when(filter.overdueOnly(), "state = :open AND dueOn < :today", Parameters.with("open", RepairState.SUBMITTED).and("today", today))
                .idBefore(before);
        return find(query.newestFirst(), query.parameters()).page(0, fetchSize).list();
    }

    /** The open applications for records whose publication ended, locked for the caller's transaction. */
    Uni<List<RepairApplication>> openFor(Collection<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("recordId IN ?1 AND state = ?2", recordIds, RepairState.SUBMITTED).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** One row of the statistics. */
    record MonthCounts(String departmentUscc, String month, long submitted, long approved, long rejected, long publicationEnded, long open,
            long overdue, BigDecimal averageHandlingWorkingDays) {
    }

    /**
     * Applications per deciding authority and month of submission (China time), in department and
     * month order: by state, overdue (open past the due day, or decided after it) and the average
     * working days the decided ones took.
     */
    Uni<List<MonthCounts>> statistics(Optional<String> department, Optional<OffsetDateTime> from, Optional<OffsetDateTime> until, LocalDate today) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        SELECT department_uscc, to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
                               count(*) AS submitted,
                               count(*) FILTER (WHERE state = 'APPROVED') AS approved,
                               count(*) FILTER (WHERE state = 'REJECTED') AS rejected,
                               count(*) FILTER (WHERE state = 'PUBLICATION_ENDED') AS publication_ended,
                               count(*) FILTER (WHERE state = 'SUBMITTED') AS open,
                               count(*) FILTER (WHERE (state = 'SUBMITTED' AND due_on < :today)
                                                  OR (decided_at IS NOT NULL AND (decided_at AT TIME ZONE 'Asia/Shanghai')::date > due_on)) AS overdue,
                               round(avg(handling_working_days), 2) AS average
                        FROM repair_application
                        WHERE (cast(:department AS text) IS NULL OR department_uscc = cast(:department AS text))
                          AND (cast(:from AS timestamptz) IS NULL OR submitted_at >= cast(:from AS timestamptz))
                          AND (cast(:until AS timestamptz) IS NULL OR submitted_at < cast(:until AS timestamptz))
                        GROUP BY 1, 2 ORDER BY 1, 2""", Object[].class)
                .setParameter("today", today)
                .setParameter("department", department.orElse(null))
                .setParameter("from", from.orElse(null))
                .setParameter("until", until.orElse(null))
                .getResultList())
                .map(rows -> rows.stream().map(row -> new MonthCounts((String) row[0], (String) row[1], number(row[2]), number(row[3]),
                        number(row[4]), number(row[5]), number(row[6]), number(row[7]), (BigDecimal) row[8])).toList());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
