package cn.opencredit.gateway.objection;

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
class ObjectionRepository implements PanacheRepositoryBase<Objection, Long> {

    Uni<Objection> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    Uni<Objection> findByKey(UUID filer, String key) {
        return find("filerConsumerId = ?1 AND idempotencyKey = ?2", filer, key).firstResult();
    }

    /**
     * One page of objections, newest first, before {@code before}: of one department, one subject or
     * one filer (whichever is given), open ones only or overdue ones only.
     */
    Uni<List<Objection>> page(Optional<String> department, Optional<Long> subject, Optional<UUID> filer, Optional<ObjectionState> state,
            boolean overdueOnly, LocalDate today, Optional<Long> before, int fetchSize) {
        FilteredQuery query = new FilteredQuery().equal("departmentUscc", department).equal("subjectId", subject)
                .equal("filerConsumerId", filer).equal("state", state)
                .when(overdueOnly, "state = :open AND dueOn < :today", Parameters.with("open", ObjectionState.FILED).and("today", today))
                .idBefore(before);
        return find(query.newestFirst(), query.parameters()).page(0, fetchSize).list();
    }
}
