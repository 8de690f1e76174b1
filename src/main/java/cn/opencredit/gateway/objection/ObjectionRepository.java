package cn.opencredit.gateway.objection;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

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
        StringBuilder query = new StringBuilder("1 = 1");
        io.quarkus.panache.common.Parameters parameters = new io.quarkus.panache.common.Parameters();
        department.ifPresent(d -> {
            query.append(" AND departmentUscc = :department");
            parameters.and("department", d);
        });
        subject.ifPresent(s -> {
            query.append(" AND subjectId = :subject");
            parameters.and("subject", s);
        });
        filer.ifPresent(f -> {
            query.append(" AND filerConsumerId = :filer");
            parameters.and("filer", f);
        });
        state.ifPresent(s -> {
            query.append(" AND state = :state");
            parameters.and("state", s);
        });
        if (overdueOnly) {
            query.append(" AND state = :open AND dueOn < :today");
            parameters.and("open", ObjectionState.FILED).and("today", today);
        }
        before.ifPresent(b -> {
            query.append(" AND id < :before");
            parameters.and("before", b);
        });
        return find(query + " ORDER BY id DESC", parameters).page(0, fetchSize).list();
    }
}
