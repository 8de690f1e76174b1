package cn.opencredit.gateway.access;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Consumers and their keys, through Hibernate Reactive (admin workflows, not the hot path). */
@ApplicationScoped
class ConsumerRepository implements PanacheRepositoryBase<Consumer, UUID> {

    Uni<Consumer> findWithKeys(UUID id) {
        // Not firstResult(): a row limit beside a collection fetch makes Hibernate fetch everything and cut in memory (HHH90003004).
        return find("from Consumer c left join fetch c.keys where c.id = ?1", id).list()
                .map(consumers -> consumers.isEmpty() ? null : consumers.getFirst());
    }

    Uni<List<Consumer>> page(Optional<ConsumerType> type, Optional<OffsetDateTime> afterCreated, Optional<UUID> afterId,
            int fetchSize) {
        StringBuilder query = new StringBuilder("from Consumer c where 1 = 1");
        Parameters parameters = new Parameters();
        type.ifPresent(t -> {
            query.append(" and c.type = :type");
            parameters.and("type", t);
        });
        if (afterCreated.isPresent() && afterId.isPresent()) {
            query.append(" and (c.createdAt > :created or (c.createdAt = :created and c.id > :id))");
            parameters.and("created", afterCreated.get()).and("id", afterId.get());
        }
        query.append(" order by c.createdAt, c.id");
        return find(query.toString(), parameters).range(0, fetchSize - 1).list();
    }

    Uni<Long> countOperators() {
        return count("type", ConsumerType.OPERATOR);
    }
}
