package cn.opencredit.gateway.creditlist;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.opencredit.gateway.record.PublicationPeriods;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.subject.SubjectNames;
import cn.opencredit.gateway.subject.SubjectType;

/** Rules of list entries: pure functions of the entry, the caller and the time. */
final class CreditListPolicies {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 2000;
    static final int MAX_PERSON_NAME_LENGTH = 100;
    /** Room for a pasted code with full-width characters and spaces around it; normalisation leaves 18. */
    static final int MAX_CODE_LENGTH = 64;

    /** Clocks of departments and gateway disagree a little; more than this is a wrong date, not skew. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    /** Government bodies (机关) are registered by 机构编制 (position 1 = 1) as entity type 1 (position 2 = 1). */
    static final String GOVERNMENT_BODY_PREFIX = "11";

    /** The subject types whose black-list entries name the legal representative (责任追究). */
    static final Set<SubjectType> ENTERPRISES = EnumSet.of(SubjectType.ENTERPRISE, SubjectType.INDIVIDUAL_BUSINESS,
            SubjectType.FARMERS_COOPERATIVE);


    private CreditListPolicies() {
    }

    /**
     * Included already, not removed, and not past its expiry: expired entries leave the list by
     * themselves, without anyone recording a removal.
     */
    static boolean currentMembership(Instant includedAt, Instant expiresAt, Instant removedAt, Instant now) {
        return !includedAt.isAfter(now) && removedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /**
     * One authority keeps at most one entry per list and subject that has not ended (not removed,
     * not expired); one that takes effect in the coming minute counts, or it would become a duplicate.
     */
    static boolean blocksSecondEntryPolicy(Instant expiresAt, Instant removedAt, Instant now) {
        return removedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /**
     * Operators act for any authority. A department acts only for itself, so it must be bound to its
     * own USCC and name that as the authority. Nobody else maintains lists.
     */
    static Verdict actingAuthorityPolicy(String callerType, String boundUscc, String authorityUscc) {
        if (ApiClient.OPERATOR_TYPE.equals(callerType)) {
            return Verdict.ALLOWED;
        }
        if (!ApiClient.DEPARTMENT_TYPE.equals(callerType)) {
            return Verdict.rejected(CreditListRejection.NOT_A_LIST_KEEPER, "Only department and operator consumers maintain lists");
        }
        if (boundUscc == null) {
            return Verdict.rejected(CreditListRejection.NOT_BOUND, "This department consumer is not bound to its department's USCC; "
                    + "an operator must bind it (boundUscc) before it can maintain lists");
        }
        if (!boundUscc.equals(authorityUscc)) {
            return Verdict.rejected(CreditListRejection.OTHER_AUTHORITY, "This consumer acts for authority " + boundUscc
                    + " and may not act for authority " + authorityUscc);
        }
        return Verdict.ALLOWED;
    }

    /** Lists are kept by government bodies (courts included), so an authority's code starts with 11. */
    static Verdict authorityCodePolicy(String authorityUscc) {
        if (authorityUscc.startsWith(GOVERNMENT_BODY_PREFIX)) {
            return Verdict.ALLOWED;
        }
        return Verdict.rejected(CreditListRejection.NOT_A_GOVERNMENT_BODY, "authorityUscc", "authorityUscc must be the code of a "
                + "government body, starting with " + GOVERNMENT_BODY_PREFIX + " (registration authority 1, entity type 1)",
                GOVERNMENT_BODY_PREFIX + "…");
    }

    /**
     * How long an entry lasts at most: the black list (严重失信主体名单) stands for serious failings and
     * the watch list (重点关注名单) for general ones, published for at most 3 years and 1 year from the
     * inclusion ({@link PublicationPeriods}); an entry sent with a later expiry ends at that bound, and
     * one sent without an expiry ends there too. The abnormal-operation directory and the courts'
     * dishonest-debtor list follow rules of their own; red-list entries are not failings.
     *
     * @return the expiry to store
     */
    static OffsetDateTime expiryPolicy(ListType type, OffsetDateTime includedAt, OffsetDateTime requested) {
        Severity failing = switch (type) {
            case BLACK -> Severity.SERIOUS;
            case WATCH -> Severity.GENERAL;
            default -> null;
        };
        if (failing == null) {
            return requested;
        }
        OffsetDateTime latest = includedAt.plus(PublicationPeriods.longest(failing));
        return requested == null || requested.isAfter(latest) ? latest : requested;
    }

    /** An inclusion has taken effect (give or take the clock skew). */
    static Verdict inclusionStartPolicy(Instant includedAt, Instant now) {
        return !includedAt.isAfter(now.plus(CLOCK_SKEW)) ? Verdict.ALLOWED : Verdict.rejected(CreditListRejection.IN_THE_FUTURE,
                "includedAt", "includedAt must not be more than " + CLOCK_SKEW.toMinutes() + " minute ahead of now");
    }

    /** An entry that expires expires after it began. */
    static Verdict inclusionEndPolicy(Instant includedAt, Instant expiresAt) {
        return expiresAt == null || expiresAt.isAfter(includedAt) ? Verdict.ALLOWED
                : Verdict.rejected(CreditListRejection.NOT_AFTER_INCLUSION, "expiresAt", "expiresAt must be after includedAt");
    }

    /**
     * A name sent with the code must be the registered one, or the code is probably wrong (重错码):
     * putting the wrong enterprise on a list does real harm. Full-width and half-width forms are equal.
     */
    static Verdict subjectNamePolicy(Optional<String> given, String registered) {
        if (given.isEmpty() || SubjectNames.fold(given.get()).equals(SubjectNames.fold(registered))) {
            return Verdict.ALLOWED;
        }
        return Verdict.rejected(CreditListRejection.NAME_MISMATCH, "subjectName",
                "subjectName is not the name registered under subjectUscc; check the code", registered);
    }

    /** Only black-list entries name a legal representative: on the other lists a person's name has no purpose. */
    static Verdict legalRepresentativeAllowedPolicy(ListType type, Optional<String> given) {
        if (type == ListType.BLACK || given.isEmpty()) {
            return Verdict.ALLOWED;
        }
        return Verdict.rejected(CreditListRejection.LEGAL_REPRESENTATIVE_NOT_ALLOWED, "legalRepresentative",
                "legalRepresentative is recorded on black-list entries only");
    }

    /**
     * 责任追究: the person linked to a black-list entry is the one the department names, else, for
     * an enterprise, its registered legal representative. Entries of other lists link nobody.
     */
    static Optional<String> linkedLegalRepresentative(ListType type, SubjectType subjectType, Optional<String> given,
            Optional<String> registered) {
        if (type != ListType.BLACK) {
            return Optional.empty();
        }
        return given.or(() -> ENTERPRISES.contains(subjectType) ? registered : Optional.empty());
    }

    /** A black-list entry of an enterprise names its legal representative (责任追究); without one it is refused. */
    static Verdict legalRepresentativeRequiredPolicy(ListType type, SubjectType subjectType, Optional<String> linked) {
        if (type != ListType.BLACK || !ENTERPRISES.contains(subjectType) || linked.isPresent()) {
            return Verdict.ALLOWED;
        }
        return Verdict.rejected(CreditListRejection.LEGAL_REPRESENTATIVE_REQUIRED, "legalRepresentative", "a black-list entry of an "
                + "enterprise names its legal representative; give legalRepresentative, since none is registered for the subject");
    }

    /** The legal representative is published with a current black-list entry only; it ends with the entry. */
    static boolean legalRepresentativeShownPolicy(ListType type, boolean current) {
        return type == ListType.BLACK && current;
    }

    /** A removal is recorded once; it cannot precede the inclusion. */
    static Verdict removalPolicy(Long id, Instant includedAt, Instant removedAt, Instant now) {
        if (removedAt != null) {
            return Verdict.rejected(CreditListRejection.ALREADY_REMOVED, "List entry " + id + " was removed already, at "
                    + removedAt.atZone(ChinaTime.ZONE).toOffsetDateTime());
        }
        if (includedAt.isAfter(now)) {
            return Verdict.rejected(CreditListRejection.NOT_IN_FORCE_YET, "List entry " + id + " takes effect only at "
                    + includedAt.atZone(ChinaTime.ZONE).toOffsetDateTime() + "; remove it after that");
        }
        return Verdict.ALLOWED;
    }
}
