package cn.opencredit.gateway.finance;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.web.Ids;
import cn.opencredit.gateway.timeline.TimelineService;

/**
 * The banks' answers to a demand and the enterprise's choice: a bank the demand was sent to answers
 * once, with an offer or a decline; the enterprise accepts one offer, which closes the demand and
 * leaves the other offers not chosen. The demand is locked for each, so an answer never lands on a
 * demand accepted meanwhile.
 */
@ApplicationScoped
public class OfferService {

    private final OfferRepository offers;
    private final DemandRepository demands;
    private final DemandReads reads;
    private final TimelineService timeline;
    private final Clock clock;

    OfferService(OfferRepository offers, DemandRepository demands, DemandReads reads, TimelineService timeline, Clock clock) {
        this.offers = offers;
        this.demands = demands;
        this.reads = reads;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** A bank answers a demand it received, while the demand is open: an offer or a decline, once. */
    public Uni<DemandView> answer(long id, OfferRequest request, ApiClient bank) {
        DemandPolicies.answerPolicy(request).orThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> reads.load(id, true).chain(demand -> reads.sentByName(demand, bank).chain(byName -> {
            DemandPolicies.recipientPolicy(bank, id, demand.toAllBanks, byName).orThrow();
            DemandPolicies.openPolicy(id, demand.state, demand.version, null).orThrow();
            return offers.ofBank(id, bank.consumerId()).chain(earlier -> {
                if (earlier != null) {
                    throw new ProblemException(DemandRejection.ALREADY_ANSWERED.problem(), "You answered demand " + id + " already (answer "
                            + earlier.id + ")");
                }
                Offer offer = new Offer();
                offer.demandId = id;
                offer.bankConsumerId = bank.consumerId();
                offer.kind = request.decision();
                if (request.decision() == OfferDecision.OFFER) {
                    offer.amount = DemandPolicies.amount(request.amount());
                    offer.rateFrom = DemandPolicies.rate(request.rateFrom());
                    offer.rateTo = DemandPolicies.rate(request.rateTo());
                    offer.termMonths = request.termMonths();
                } else {
                    offer.declineReason = request.reason();
                }
                offer.note = DemandMapper.text(request.note());
                offer.state = OfferState.MADE;
                offer.createdAt = now;
                String transition = request.decision() == OfferDecision.OFFER ? "offered" : "declined";
                String reason = request.decision() == OfferDecision.OFFER ? offer.note : request.reason().code();
                return offers.persistAndFlush(offer)
                        .call(() -> timeline.append(DemandMapper.transition(demand, transition, demand.state, bank, reason, now)))
                        .replaceWith(demand);
            });
        }))).chain(demand -> reads.view(demand, bank));
    }

    /** The enterprise (or an operator for it) accepts one offer: it is accepted, the others not chosen, the demand closed. */
    public Uni<DemandView> accept(long id, DemandAcceptanceRequest request, ApiClient caller) {
        long offerId = Ids.positive(request.offerId(), "offerId");
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> reads.load(id, true).chain(demand -> reads.usccOf(demand).chain(uscc -> {
            DemandPolicies.ownerPolicy(caller, id, uscc).orThrow();
            DemandPolicies.openPolicy(id, demand.state, demand.version, request.version()).orThrow();
            return offers.findById(offerId).chain(offer -> {
                DemandPolicies.acceptablePolicy(id, Optional.ofNullable(offer)
                        .map(o -> new DemandPolicies.OfferFacts(o.demandId, o.kind, o.state))).orThrow();
                offer.state = OfferState.ACCEPTED;
                demand.state = DemandState.ACCEPTED;
                demand.acceptedOfferId = offer.id;
                demand.closedAt = now;
                return demands.flush()
                        .call(() -> offers.notChosen(id, offer.id))
                        .call(() -> timeline.append(DemandMapper.transition(demand, "accepted", DemandState.OPEN, caller,
                                "offer " + offer.id, now)))
                        .call(() -> demands.flush())
                        .replaceWith(demand);
            });
        }))).chain(demand -> reads.view(demand, caller));
    }
}
