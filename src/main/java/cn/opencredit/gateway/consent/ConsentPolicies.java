package cn.opencredit.gateway.consent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;

/** The rules of consent: who grants what to whom for how long, and whether a read is covered. */
final class ConsentPolicies {

    private ConsentPolicies() {
    }

    /**
     * A subject consents for itself, through a consumer bound to its USCC. At the service window
     * (窗口代办) an operator records a consent the subject signed on paper, citing that document's
     * number as the reference; the subject's timeline shows the operator as the one who recorded it.
     */
    static Verdict grantorPolicy(ApiClient caller, String subjectUscc, String reference) {
        if (ApiClient.OPERATOR_TYPE.equals(caller.type())) {
            return reference == null || reference.isBlank() ? Verdict.rejected(ConsentRejection.REFERENCE_REQUIRED, "reference",
                    "an operator records a consent the subject signed: give that document's number as the reference") : Verdict.ALLOWED;
        }
        if (!ApiClient.SUBJECT_TYPE.equals(caller.type())) {
            return Verdict.rejected(ConsentRejection.NOT_A_GRANTOR, "Consents are given by the subject itself, through a consumer bound to its "
                    + "USCC, or recorded by an operator from the subject's signed authorisation");
        }
        if (!subjectUscc.equals(caller.boundUscc())) {
            return Verdict.rejected(ConsentRejection.OTHER_SUBJECT, "A subject consents for itself only; this consumer is bound to "
                    + caller.boundUscc());
        }
        return Verdict.ALLOWED;
    }

    /** Finance purposes go to banks, incentives to apps; the grantee is an active consumer. */
    static Verdict granteePolicy(ConsentPurpose purpose, Optional<String> granteeType, boolean active) {
        if (granteeType.isEmpty() || !active) {
            return Verdict.rejected(ConsentRejection.UNKNOWN_GRANTEE, "granteeId", "no active consumer has this id");
        }
        String wanted = purpose == ConsentPurpose.INCENTIVE ? "APP" : "BANK";
        if (!wanted.equals(granteeType.get())) {
            return Verdict.rejected(ConsentRejection.GRANTEE_TYPE, "granteeId", "a " + purpose.code() + " consent goes to a "
                    + wanted.toLowerCase(java.util.Locale.ROOT) + ", not a " + granteeType.get().toLowerCase(java.util.Locale.ROOT),
                    wanted.toLowerCase(java.util.Locale.ROOT));
        }
        return Verdict.ALLOWED;
    }

    /**
     * A last day of the consent within {@code max} of today, checked as a date first: a date years
     * away is refused before it is turned into an instant (which far enough out is no instant at all).
     */
    static Verdict lastDayPolicy(OffsetDateTime from, LocalDate validUntil, Period max) {
        LocalDate latest = from.plus(max).toLocalDate();
        if (validUntil.isAfter(latest.plusDays(1))) {
            return Verdict.rejected(ConsentRejection.PERIOD_TOO_LONG, "validUntil", "a consent runs at most " + max + " (" + latest + ")",
                    "on or before " + latest);
        }
        return Verdict.ALLOWED;
    }

    /** The period starts now and ends in the future, at most {@code max} ahead. */
    static Verdict periodPolicy(OffsetDateTime from, OffsetDateTime until, Period max) {
        if (!until.isAfter(from)) {
            return Verdict.rejected(ConsentRejection.PERIOD_OVER, "validUntil", "the consent must end after today");
        }
        if (until.isAfter(from.plus(max).plusDays(1))) {
            return Verdict.rejected(ConsentRejection.PERIOD_TOO_LONG, "validUntil", "a consent runs at most " + max + " ("
                    + from.plus(max).toLocalDate() + ")", "on or before " + from.plus(max).toLocalDate());
        }
        return Verdict.ALLOWED;
    }

    /** What a consent is at {@code now}. */
    static String state(OffsetDateTime revokedAt, OffsetDateTime validUntil, OffsetDateTime now) {
        if (revokedAt != null) {
            return "revoked";
        }
        return now.isBefore(validUntil) ? "active" : "expired";
    }

    /** One stored consent as the read check sees it. */
    record Stored(long id, ConsentPurpose purpose, Set<ConsentCategory> categories, OffsetDateTime createdAt, OffsetDateTime validUntil,
            OffsetDateTime revokedAt, int version) {
    }

    /** The consent a read goes under, or why there is none. */
    record Coverage(Optional<Stored> consent, Verdict verdict) {
    }

    /**
     * Whether the grantee may read {@code category} of the subject for one of {@code purposes}: an
     * active consent covering it; else why not, from the most telling case: an active consent
     * without the category, then the newest one's revocation or expiry, then none at all.
     */
    static Coverage coverage(List<Stored> consents, Set<ConsentPurpose> purposes, ConsentCategory category, OffsetDateTime now) {
        return coverage(consents, purposes, Set.of(category), now);
    }

    /**
     * Whether the grantee may read all of {@code wanted} (none: whatever the consent covers) for one
     * of {@code purposes}: the newest active consent covering them all; else why not, as for one
     * category, naming every category the newest active consent lacks.
     */
    static Coverage coverage(List<Stored> consents, Set<ConsentPurpose> purposes, Set<ConsentCategory> wanted, OffsetDateTime now) {
        List<Stored> relevant = consents.stream().filter(c -> purposes.contains(c.purpose()))
                .sorted(Comparator.comparing(Stored::createdAt).reversed()).toList();
        List<Stored> active = relevant.stream().filter(c -> state(c.revokedAt(), c.validUntil(), now).equals("active")).toList();
        Optional<Stored> covering = active.stream().filter(c -> c.categories().containsAll(wanted)).findFirst();
        if (covering.isPresent()) {
            return new Coverage(covering, Verdict.ALLOWED);
        }
        String asked = purposes.stream().map(ConsentPurpose::code).sorted().collect(Collectors.joining(" or "));
        if (!active.isEmpty()) {
            Stored newest = active.getFirst();
            String consented = newest.categories().stream().map(ConsentCategory::code).sorted().collect(Collectors.joining(", "));
            List<String> missing = wanted.stream().filter(c -> !newest.categories().contains(c)).map(ConsentCategory::code).sorted().toList();
            return new Coverage(Optional.empty(), new Verdict.Rejected(ConsentRejection.CATEGORY, "Consent " + newest.id()
                    + " does not cover " + String.join(", ", missing), missing.stream()
                            .map(code -> new FieldError("category", "category-not-consented", code + " is not consented", consented)).toList()));
        }
        if (relevant.isEmpty()) {
            return new Coverage(Optional.empty(), Verdict.rejected(ConsentRejection.REQUIRED, "The subject has not consented to your reading "
                    + "its data for " + asked));
        }
        Stored newest = relevant.getFirst();
        return new Coverage(Optional.empty(), newest.revokedAt() != null
                ? Verdict.rejected(ConsentRejection.REVOKED, "The subject revoked consent " + newest.id() + " at " + newest.revokedAt())
                : Verdict.rejected(ConsentRejection.EXPIRED, "Consent " + newest.id() + " expired at " + newest.validUntil()));
    }

    /**
     * Its subject (any consumer bound to the subject's USCC, whoever recorded the consent), its
     * grantee and operators read a consent. To anyone else it does not exist (404): who authorised
     * which bank is the subject's business, and its id tells nothing.
     */
    static Verdict readerPolicy(ApiClient caller, Consent consent, String subjectUscc) {
        return isAParty(caller, consent, subjectUscc) ? Verdict.ALLOWED : notYours(consent);
    }

    /**
     * Its subject (or an operator for it) revokes an active consent, on the version it read. To
     * another subject it does not exist (404), as for reading.
     */
    static Verdict revocationPolicy(ApiClient caller, Consent consent, String subjectUscc, int version, OffsetDateTime now) {
        if (!ApiClient.OPERATOR_TYPE.equals(caller.type()) && !isTheSubject(caller, subjectUscc)) {
            return notYours(consent);
        }
        if (!state(consent.revokedAt, consent.validUntil, now).equals("active")) {
            return Verdict.rejected(ConsentRejection.NOT_ACTIVE, "Consent " + consent.id + " is " + state(consent.revokedAt, consent.validUntil, now)
                    + " already");
        }
        if (consent.version != version) {
            return Verdict.rejected(ConsentRejection.STALE_VERSION, "Consent " + consent.id + " is at version " + consent.version + ", not "
                    + version);
        }
        return Verdict.ALLOWED;
    }

    private static boolean isAParty(ApiClient caller, Consent consent, String subjectUscc) {
        return ApiClient.OPERATOR_TYPE.equals(caller.type()) || isTheSubject(caller, subjectUscc)
                || consent.granteeConsumerId.equals(caller.consumerId());
    }

    private static Verdict notYours(Consent consent) {
        return Verdict.rejected(ConsentRejection.NOT_A_PARTY, "No consent with id " + consent.id);
    }

    private static boolean isTheSubject(ApiClient caller, String subjectUscc) {
        return ApiClient.SUBJECT_TYPE.equals(caller.type()) && subjectUscc.equals(caller.boundUscc());
    }
}
