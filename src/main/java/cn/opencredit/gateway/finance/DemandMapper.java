package cn.opencredit.gateway.finance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import cn.opencredit.gateway.shared.money.Money;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.timeline.TimelineView;
import cn.opencredit.gateway.timeline.Transition;
import cn.opencredit.gateway.timeline.Workflow;

/** Demands, answers and outcomes as the API shows them, and their transitions as the timeline keeps them. */
final class DemandMapper {

    private DemandMapper() {
    }

    static DemandView view(Demand demand, String subjectUscc, String subjectName, List<UUID> banks, List<OfferView> responses,
            List<OutcomeView> outcomes, List<TimelineView> events) {
        return new DemandView(Long.toString(demand.id), subjectUscc, subjectName, Money.of(demand.amount, demand.currency), demand.termMonths,
                demand.purpose, demand.guaranteeType, demand.toAllBanks, banks, demand.state, id(demand.acceptedOfferId),
                ChinaTime.inChina(demand.createdAt), ChinaTime.inChina(demand.closedAt), demand.version, responses, outcomes, events);
    }

    static OfferView view(Offer offer) {
        return new OfferView(Long.toString(offer.id), offer.bankConsumerId, offer.kind, Money.of(offer.amount, DemandPolicies.CURRENCY),
                text(offer.rateFrom), text(offer.rateTo), offer.termMonths, offer.declineReason, offer.note, offer.state,
                ChinaTime.inChina(offer.createdAt));
    }

    static OutcomeView view(Outcome outcome) {
        return new OutcomeView(Long.toString(outcome.id), Long.toString(outcome.demandId), outcome.bankConsumerId,
                outcome.granted ? OutcomeResult.GRANTED : OutcomeResult.REFUSED, Money.of(outcome.amount, DemandPolicies.CURRENCY),
                outcome.termMonths, text(outcome.rateFrom), text(outcome.rateTo), outcome.guaranteeType, outcome.decidedOn, outcome.refusalReason,
                ChinaTime.inChina(outcome.reportedAt));
    }

    /** A transition of the demand, from {@code from} to its current state, by {@code actor}. */
    static Transition transition(Demand demand, String name, DemandState from, ApiClient actor, String reason, OffsetDateTime at) {
        return new Transition(demand.subjectId, Workflow.FINANCE_DEMAND, demand.id, name, from == null ? null : from.name(), demand.state.name(),
                actor.type(), actor.consumerId(), actor.boundUscc(), null, reason, at);
    }

    /** Stripped, or null when blank. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String id(Long value) {
        return value == null ? null : Long.toString(value);
    }
}
