package cn.opencredit.gateway.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;

/** The rules of the 信易贷 market: who posts, reads and answers a demand, and what a demand, an answer and an outcome hold. */
final class DemandPolicies {

    static final String CURRENCY = "CNY";
    /** numeric(20, 2): yuan below 10^18. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000000");
    /** % per year; no lawful loan comes near it, and numeric(6, 3) keeps it exactly. */
    private static final BigDecimal MAX_RATE = new BigDecimal("100");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,24}(\\.\\d{1,12})?");
    private static final String BANK_TYPE = "BANK";

    private DemandPolicies() {
    }

    /** Who reads a demand, and so how much of it. */
    enum Reader {
        /** The enterprise itself and operators: every answer, outcome and transition */
        PARTY,
        /** A bank the demand was sent to: its own answer and outcome */
        BANK
    }

    /** An enterprise acts for itself through a consumer bound to its USCC; an operator for one at the service window. */
    static Verdict enterprisePolicy(ApiClient caller, String subjectUscc) {
        if (ApiClient.OPERATOR_TYPE.equals(caller.type())) {
            return Verdict.ALLOWED;
        }
        if (!ApiClient.SUBJECT_TYPE.equals(caller.type())) {
            return Verdict.rejected(DemandRejection.NOT_AN_ENTERPRISE, "Enterprises act for themselves, through a consumer bound to their "
                    + "USCC, or through an operator at the service window");
        }
        return subjectUscc.equals(caller.boundUscc()) ? Verdict.ALLOWED
                : Verdict.rejected(DemandRejection.OTHER_SUBJECT, "An enterprise acts for itself only; this consumer is bound to "
                        + caller.boundUscc());
    }

    /**
     * Whether and how the caller reads a demand: its enterprise and operators wholly, a bank it was
     * sent to (by name, or to all banks) its own part. Anyone else is answered as if it did not
     * exist (404), so that no one learns who asks whom for money.
     */
    static Optional<Reader> reader(ApiClient caller, String subjectUscc, boolean toAllBanks, boolean sentByName) {
        if (ApiClient.OPERATOR_TYPE.equals(caller.type())
                || (ApiClient.SUBJECT_TYPE.equals(caller.type()) && subjectUscc.equals(caller.boundUscc()))) {
            return Optional.of(Reader.PARTY);
        }
        if (BANK_TYPE.equals(caller.type()) && (toAllBanks || sentByName)) {
            return Optional.of(Reader.BANK);
        }
        return Optional.empty();
    }

    /** A bank answers and reports only on demands it received. */
    static Verdict recipientPolicy(ApiClient caller, long demandId, boolean toAllBanks, boolean sentByName) {
        return BANK_TYPE.equals(caller.type()) && (toAllBanks || sentByName) ? Verdict.ALLOWED
                : Verdict.rejected(DemandRejection.NOT_FOUND, "No demand " + demandId + " was sent to you");
    }

    /** Only the enterprise (or an operator for it) accepts an offer or withdraws; to anyone else the demand does not exist. */
    static Verdict ownerPolicy(ApiClient caller, long demandId, String subjectUscc) {
        return reader(caller, subjectUscc, false, false).isPresent() ? Verdict.ALLOWED
                : Verdict.rejected(DemandRejection.NOT_FOUND, "No demand " + demandId + " of yours");
    }

    /** An open demand, on the version last read. */
    static Verdict openPolicy(long demandId, DemandState state, int version, Integer readVersion) {
        if (state != DemandState.OPEN) {
            return Verdict.rejected(DemandRejection.NOT_OPEN, "Demand " + demandId + " is " + state.code() + " already");
        }
        if (readVersion != null && readVersion != version) {
            return Verdict.rejected(DemandRejection.STALE_VERSION, "Demand " + demandId + " is at version " + version + ", not " + readVersion);
        }
        return Verdict.ALLOWED;
    }

    /** An amount of yuan: a plain decimal, more than 0, at most 2 decimals, below 10^18. */
    static Verdict amountPolicy(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return Verdict.rejected(DemandRejection.REQUIRED, field, field + " is required");
        }
        if (!DECIMAL.matcher(raw.strip()).matches()) {
            return Verdict.rejected(DemandRejection.FORMAT, field, field + " must be a decimal number of yuan such as 3000000.00", "3000000.00");
        }
        BigDecimal amount = new BigDecimal(raw.strip());
        if (amount.signum() <= 0) {
            return Verdict.rejected(DemandRejection.NOT_POSITIVE, field, field + " must be more than 0", "> 0");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return Verdict.rejected(DemandRejection.TOO_PRECISE, field, field + " has at most 2 decimals (fen)", "0.01");
        }
        return amount.compareTo(MAX_AMOUNT) < 0 ? Verdict.ALLOWED
                : Verdict.rejected(DemandRejection.OUT_OF_RANGE, field, field + " must be below 10^18 yuan");
    }

    /** The exact amount of a checked field, to 2 decimals. */
    static BigDecimal amount(String raw) {
        return new BigDecimal(raw.strip()).setScale(2);
    }

    /** Only yuan: no currency, or CNY. */
    static Verdict currencyPolicy(String currency) {
        return currency == null || currency.isBlank() || CURRENCY.equals(currency.strip()) ? Verdict.ALLOWED
                : Verdict.rejected(DemandRejection.CURRENCY, "currency", "the only currency taken is CNY", CURRENCY);
    }

    /** A rate band in % per year: two plain decimals from 0 to 100, at most 3 decimals, the upper end not below the lower. */
    static Verdict rateBandPolicy(String from, String to) {
        List<Verdict> verdicts = new ArrayList<>(List.of(ratePolicy(from, "rateFrom"), ratePolicy(to, "rateTo")));
        if (verdicts.stream().allMatch(Verdict::isAllowed) && new BigDecimal(to.strip()).compareTo(new BigDecimal(from.strip())) < 0) {
            verdicts.add(Verdict.rejected(DemandRejection.INVERTED_BAND, "rateTo", "rateTo must not be below rateFrom", ">= " + from.strip()));
        }
        return Verdict.all(verdicts);
    }

    private static Verdict ratePolicy(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return Verdict.rejected(DemandRejection.REQUIRED, field, field + " is required");
        }
        if (!DECIMAL.matcher(raw.strip()).matches()) {
            return Verdict.rejected(DemandRejection.FORMAT, field, field + " must be a decimal % per year such as 3.45", "3.45");
        }
        BigDecimal rate = new BigDecimal(raw.strip());
        if (rate.signum() < 0 || rate.compareTo(MAX_RATE) > 0) {
            return Verdict.rejected(DemandRejection.OUT_OF_RANGE, field, field + " must be from 0 to 100 (% per year)", "0..100");
        }
        return rate.stripTrailingZeros().scale() > 3 ? Verdict.rejected(DemandRejection.TOO_PRECISE, field, field + " has at most 3 decimals",
                "0.001") : Verdict.ALLOWED;
    }

    /** The exact rate of a checked field, to 3 decimals. */
    static BigDecimal rate(String raw) {
        return new BigDecimal(raw.strip()).setScale(3);
    }

    /** What a consumer named as a bank turned out to be: nothing, or its type and whether it is active. */
    record NamedBank(UUID id, Optional<String> type, boolean active) {
    }

    /** Every bank named is an active bank consumer. */
    static Verdict banksPolicy(List<NamedBank> named) {
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            NamedBank bank = named.get(i);
            String field = "banks[" + i + "]";
            if (bank.type().isEmpty()) {
                verdicts.add(Verdict.rejected(DemandRejection.UNKNOWN_BANK, field, "no consumer has the id " + bank.id()));
            } else if (!BANK_TYPE.equals(bank.type().get()) || !bank.active()) {
                verdicts.add(Verdict.rejected(DemandRejection.NOT_A_BANK, field, bank.id() + " is not an active bank consumer", "bank"));
            }
        }
        return Verdict.all(verdicts);
    }

    /** An offer has its amount, rate band and term and no reason; a decline its reason (a note with other) and no terms. */
    static Verdict answerPolicy(OfferRequest answer) {
        List<Verdict> verdicts = new ArrayList<>();
        if (answer.decision() == OfferDecision.OFFER) {
            verdicts.add(amountPolicy(answer.amount(), "amount"));
            verdicts.add(rateBandPolicy(answer.rateFrom(), answer.rateTo()));
            verdicts.add(present(answer.termMonths(), "termMonths"));
            verdicts.add(absent(answer.reason(), "reason", "an offer takes no reason"));
        } else {
            verdicts.add(present(answer.reason(), "reason"));
            verdicts.add(absent(answer.amount(), "amount", "a decline takes no amount"));
            verdicts.add(absent(answer.rateFrom(), "rateFrom", "a decline takes no rate"));
            verdicts.add(absent(answer.rateTo(), "rateTo", "a decline takes no rate"));
            verdicts.add(absent(answer.termMonths(), "termMonths", "a decline takes no term"));
            if (answer.reason() == DemandRefusalReason.OTHER && (answer.note() == null || answer.note().isBlank())) {
                verdicts.add(Verdict.rejected(DemandRejection.REQUIRED, "note", "say in the note why, with reason other"));
            }
        }
        return Verdict.all(verdicts);
    }

    /** A granted loan has its amount, term, rate band and guarantee and no reason; a refusal its reason and nothing else. */
    static Verdict outcomePolicy(OutcomeRequest outcome, LocalDate today, LocalDate demandDay) {
        List<Verdict> verdicts = new ArrayList<>();
        if (outcome.result() == OutcomeResult.GRANTED) {
            verdicts.add(amountPolicy(outcome.amount(), "amount"));
            verdicts.add(rateBandPolicy(outcome.rateFrom(), outcome.rateTo()));
            verdicts.add(present(outcome.termMonths(), "termMonths"));
            verdicts.add(present(outcome.guaranteeType(), "guaranteeType"));
            verdicts.add(absent(outcome.reason(), "reason", "a granted loan takes no reason"));
        } else {
            verdicts.add(present(outcome.reason(), "reason"));
            verdicts.add(absent(outcome.amount(), "amount", "a refusal takes no amount"));
            verdicts.add(absent(outcome.termMonths(), "termMonths", "a refusal takes no term"));
            verdicts.add(absent(outcome.rateFrom(), "rateFrom", "a refusal takes no rate"));
            verdicts.add(absent(outcome.rateTo(), "rateTo", "a refusal takes no rate"));
            verdicts.add(absent(outcome.guaranteeType(), "guaranteeType", "a refusal takes no guarantee"));
        }
        if (outcome.decidedOn().isAfter(today)) {
            verdicts.add(Verdict.rejected(DemandRejection.IN_THE_FUTURE, "decidedOn", "decidedOn must not be after today (" + today + ")",
                    "on or before " + today));
        } else if (outcome.decidedOn().isBefore(demandDay)) {
            verdicts.add(Verdict.rejected(DemandRejection.BEFORE_DEMAND, "decidedOn", "decidedOn must not be before the demand was posted ("
                    + demandDay + ")", "on or after " + demandDay));
        }
        return Verdict.all(verdicts);
    }

    /** A loan is not granted on a withdrawn demand; a refusal may be reported whatever became of it. */
    static Verdict outcomeStatePolicy(long demandId, DemandState state, OutcomeResult result) {
        return state == DemandState.WITHDRAWN && result == OutcomeResult.GRANTED
                ? Verdict.rejected(DemandRejection.DEMAND_WITHDRAWN, "Demand " + demandId + " was withdrawn; no loan is granted on it")
                : Verdict.ALLOWED;
    }

    /** The offer accepted is an offer made on this demand and still standing. */
    static Verdict acceptablePolicy(long demandId, Optional<OfferFacts> offer) {
        if (offer.isEmpty() || offer.get().demandId() != demandId) {
            return Verdict.rejected(DemandRejection.UNKNOWN_OFFER, "offerId", "no answer to demand " + demandId + " has this id");
        }
        return offer.get().decision() == OfferDecision.OFFER && offer.get().state() == OfferState.MADE ? Verdict.ALLOWED
                : Verdict.rejected(DemandRejection.NOT_AN_OFFER, "offerId", "this answer is a decline, or no longer stands", "an offer made");
    }

    /** What acceptance needs to know of an offer. */
    record OfferFacts(long demandId, OfferDecision decision, OfferState state) {
    }

    private static Verdict present(Object value, String field) {
        return value != null ? Verdict.ALLOWED : Verdict.rejected(DemandRejection.REQUIRED, field, field + " is required");
    }

    private static Verdict absent(Object value, String field, String message) {
        return value == null || (value instanceof String text && text.isBlank()) ? Verdict.ALLOWED
                : Verdict.rejected(DemandRejection.NOT_ALLOWED, field, message);
    }
}
