package cn.opencredit.gateway.finance;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class OutcomeRepository implements PanacheRepositoryBase<Outcome, Long> {

    Uni<List<Outcome>> ofDemand(long demandId) {
        return list("demandId = ?1 ORDER BY id", demandId);
    }

    /** The outcomes of any of these demands. */
    Uni<List<Outcome>> ofDemands(List<Long> demandIds) {
        return list("demandId IN ?1 ORDER BY id", demandIds);
    }

    Uni<Outcome> ofBank(long demandId, UUID bank) {
        return find("demandId = ?1 AND bankConsumerId = ?2", demandId, bank).firstResult();
    }
}
