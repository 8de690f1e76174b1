package cn.opencredit.gateway.access;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.Scopes;

/** Rules of consumers and keys: pure functions, each answering a verdict. */
final class AccessPolicies {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_ACTIVE_KEYS = 10;
    /** As many as there are scopes. */
    static final int MAX_SCOPES = 10;

    private AccessPolicies() {
    }

    /** Scopes must be known; a subject acts for itself only, so it never gets operator powers. */
    static Verdict scopesPolicy(ConsumerType type, List<String> scopes) {
        List<Verdict> verdicts = new ArrayList<>();
        if (scopes.isEmpty()) {
            verdicts.add(Verdict.rejected(AccessRejection.NO_SCOPE, "scopes", "a consumer needs at least one scope; suspend it to stop it instead"));
        }
        for (String scope : scopes) {
            if (!Scopes.ALL.contains(scope)) {
                verdicts.add(Verdict.rejected(AccessRejection.UNKNOWN_SCOPE, "scopes", "unknown scope " + scope, String.join(", ", Scopes.ALL)));
            }
        }
        Set<String> forbiddenForSubjects = Set.of(Scopes.ADMIN, Scopes.AUDIT_READ, Scopes.INGEST_WRITE, Scopes.LISTS_WRITE);
        if (type == ConsumerType.SUBJECT && scopes.stream().anyMatch(forbiddenForSubjects::contains)) {
            verdicts.add(Verdict.rejected(AccessRejection.NOT_FOR_SUBJECTS, "scopes",
                    "a subject consumer may not hold admin, audit, ingest or list scopes"));
        }
        return Verdict.all(verdicts);
    }

    /** The scopes with which a department writes for itself: it must be bound to its own USCC to hold them. */
    static final Set<String> DEPARTMENT_WRITE_SCOPES = Set.of(Scopes.INGEST_WRITE, Scopes.LISTS_WRITE);

    /**
     * A subject consumer is bound to exactly its own USCC. A department that writes (ingestion,
     * lists) is bound to its own, and then writes only as that department; one that only reads may be
     * unbound. No other consumer is bound to one.
     */
    static Verdict bindingPolicy(ConsumerType type, String boundUscc, List<String> scopes) {
        if (type == ConsumerType.SUBJECT && boundUscc == null) {
            return Verdict.rejected(AccessRejection.BINDING_REQUIRED, "boundUscc", "a SUBJECT consumer must be bound to its USCC");
        }
        if (type == ConsumerType.DEPARTMENT && boundUscc == null && scopes.stream().anyMatch(DEPARTMENT_WRITE_SCOPES::contains)) {
            return Verdict.rejected(AccessRejection.BINDING_REQUIRED, "boundUscc", "a DEPARTMENT consumer with ingest:write or lists:write "
                    + "must be bound to its department's USCC, as which it writes; without the binding give it read scopes only");
        }
        if (type != ConsumerType.SUBJECT && type != ConsumerType.DEPARTMENT && boundUscc != null) {
            return Verdict.rejected(AccessRejection.BINDING_NOT_ALLOWED, "boundUscc", "only SUBJECT and DEPARTMENT consumers are bound to a USCC");
        }
        return Verdict.ALLOWED;
    }

    /** A plan must be configured (on every replica). */
    static Verdict planPolicy(String plan, Set<String> configured) {
        return configured.contains(plan) ? Verdict.ALLOWED : Verdict.rejected(AccessRejection.UNKNOWN_PLAN, "plan", "unknown plan " + plan,
                String.join(", ", new java.util.TreeSet<>(configured)));
    }

    /** A key works from its creation until it is revoked or expires. */
    static boolean usableKeyPolicy(OffsetDateTime expiresAt, OffsetDateTime revokedAt, OffsetDateTime now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** Rotation needs two keys at once; an unbounded number would only hide forgotten ones. */
    static Verdict keyCountPolicy(long usableKeys) {
        return usableKeys < MAX_ACTIVE_KEYS ? Verdict.ALLOWED : Verdict.rejected(AccessRejection.TOO_MANY_KEYS, "keys",
                "a consumer may hold at most " + MAX_ACTIVE_KEYS + " usable keys; revoke one first");
    }

    /** A key that expires expires later. */
    static Verdict keyExpiryPolicy(OffsetDateTime expiresAt, OffsetDateTime now) {
        return expiresAt == null || expiresAt.isAfter(now) ? Verdict.ALLOWED
                : Verdict.rejected(AccessRejection.EXPIRY_IN_THE_PAST, "expiresAt", "expiresAt must be in the future");
    }
}
