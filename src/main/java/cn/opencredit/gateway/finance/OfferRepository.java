package cn.opencredit.gateway.finance;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class OfferRepository implements PanacheRepositoryBase<Offer, Long> {

    Uni<List<Offer>> ofDemand(long demandId) {
        return list("demandId = ?1 ORDER BY id", demandId);
    }

    /** The answers to any of these demands. */
    Uni<List<Offer>> ofDemands(List<Long> demandIds) {
        return list("demandId IN ?1 ORDER BY id", demandIds);
    }

    Uni<Offer> ofBank(long demandId, UUID bank) {
        return find("demandId = ?1 AND bankConsumerId = ?2", demandId, bank).firstResult();
    }

    /** Every other offer still made on the demand is not chosen. */
    Uni<Integer> notChosen(long demandId, long acceptedId) {
        return update("state = ?1 WHERE demandId = ?2 AND id <> ?3 AND kind = ?4 AND state = ?5", OfferState.NOT_CHOSEN, demandId, acceptedId,
                OfferDecision.OFFER, OfferState.MADE);
    }
}
