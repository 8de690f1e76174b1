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
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        filter.department().ifPresent(d -> {
            query.append(" AND departmentUscc = :department");
            parameters.and("department", d);
        });
        filter.subjectUscc().ifPresent(s -> {
            query.append(" AND subjectUscc = :subject");
            parameters.and("subject", s);
        });
        filter.state().ifPresent(s -> {
            query.append(" AND state = :state");
            parameters.and("state", s);
        });
        filter.category().ifPresent(c -> {
            query.append(" AND category = :category");
            parameters.and("category", c);
        });
        if (filter.overdueOnly()) {
            query.append(" AND state = :open AND dueOn < :today");
            parameters.and("open", RegistrationState.SUBMITTED).and("today", today);
        }
        before.ifPresent(b -> {
            query.append(" AND id < :before");
            parameters.and("before", b);
        });
        return find(query + " ORDER BY id DESC", parameters).page(0, fetchSize).list();
    }
}
