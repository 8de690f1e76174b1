package cn.opencredit.gateway.registration;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.sql.FilteredQuery;

@ApplicationScoped
class RegistrationRepository implements PanacheRepositoryBase<Registration, Long> {

    Uni<Registration> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    Uni<Registration> findByKey(UUID submitter, String key) {
        return find("submitterConsumerId = ?1 AND idempotencyKey = ?2", submitter, key).firstResult();
    }

    /** Which items a page holds: of one department and/or one subject, in one state or category, only overdue ones. */
    record Filter(Optional<String> department, Optional<String> subjectUscc, Optional<RegistrationState> state,
            Optional<RegistrationCategory> category, boolean overdueOnly) {
    }

    /** One page of items, newest first, before {@code before}. */
    Uni<List<Registration>> page(Filter filter, LocalDate today, Optional<Long> before, int fetchSize) {
        FilteredQuery query = new FilteredQuery().equal("departmentUscc", filter.department()).equal("subjectUscc", filter.subjectUscc())
                .equal("state", filter.state()).equal("category", filter.category())
                .when(filter.overdueOnly(), "state = :open AND dueOn < :today", Parameters.with("open", RegistrationState.SUBMITTED).and("today", today))
                .idBefore(before);
        return find(query.newestFirst(), query.parameters()).page(0, fetchSize).list();
    }
}
