package cn.opencredit.gateway.finance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Demands and the banks they are sent to (finance_demand, finance_demand_bank), in the caller's session. */
@ApplicationScoped
class DemandRepository implements PanacheRepositoryBase<Demand, Long> {

    Uni<Demand> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    Uni<Demand> findByKey(UUID requester, String key) {
        return find("requestedBy = ?1 AND idempotencyKey = ?2", requester, key).firstResult();
    }

    /** Sends the demand to each named bank; sequentially, since one session runs one statement at a time. */
    Uni<Void> sendTo(long demandId, List<UUID> banks) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID bank : banks) {
            chain = chain.chain(() -> Panache.getSession().chain(session -> session
                    .createNativeQuery("INSERT INTO finance_demand_bank (demand_id, bank_consumer_id) VALUES (:demand, :bank)")
                    .setParameter("demand", demandId).setParameter("bank", bank).executeUpdate())).replaceWithVoid();
        }
        return chain;
    }

    /** The banks a demand was sent to by name; none for a demand to all banks. */
    Uni<List<UUID>> banksOf(long demandId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT bank_consumer_id FROM finance_demand_bank WHERE demand_id = :demand ORDER BY bank_consumer_id",
                        UUID.class)
                .setParameter("demand", demandId).getResultList());
    }

    /** The banks each of these demands was sent to by name. */
    Uni<Map<Long, List<UUID>>> banksOf(List<Long> demandIds) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT demand_id, bank_consumer_id FROM finance_demand_bank WHERE demand_id IN (:demands) "
                        + "ORDER BY demand_id, bank_consumer_id", Object[].class)
                .setParameter("demands", demandIds).getResultList())
                .map(rows -> rows.stream().collect(Collectors.groupingBy(row -> ((Number) row[0]).longValue(),
                        Collectors.mapping(row -> (UUID) row[1], Collectors.toList()))));
    }

    /** Whether the demand was sent to this bank by name. */
    Uni<Boolean> sentByName(long demandId, UUID bank) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT count(*) FROM finance_demand_bank WHERE demand_id = :demand AND bank_consumer_id = :bank", Long.class)
                .setParameter("demand", demandId).setParameter("bank", bank).getSingleResult()).map(count -> count > 0);
    }

    /** Which demands a page holds: of one subject, or those a bank received; in one state. */
    record Filter(Optional<Long> subjectId, Optional<UUID> bank, Optional<DemandState> state) {
    }

    /** One page, newest first, before {@code before}. */
    Uni<List<Demand>> page(Filter filter, Optional<Long> before, int fetchSize) {
        StringBuilder sql = new StringBuilder("SELECT d.* FROM finance_demand d WHERE true");
        filter.subjectId().ifPresent(s -> sql.append(" AND d.subject_id = :subject"));
        filter.bank().ifPresent(b -> sql.append(" AND (d.to_all_banks OR EXISTS (SELECT 1 FROM finance_demand_bank b ")
                .append("WHERE b.demand_id = d.id AND b.bank_consumer_id = :bank))"));
        filter.state().ifPresent(s -> sql.append(" AND d.state = :state"));
        before.ifPresent(b -> sql.append(" AND d.id < :before"));
        sql.append(" ORDER BY d.id DESC LIMIT :limit");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), Demand.class).setParameter("limit", fetchSize);
            filter.subjectId().ifPresent(s -> query.setParameter("subject", s));
            filter.bank().ifPresent(b -> query.setParameter("bank", b));
            filter.state().ifPresent(s -> query.setParameter("state", s.name()));
            before.ifPresent(b -> query.setParameter("before", b));
            return query.getResultList();
        });
    }
}
