package cn.opencredit.gateway.access;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.security.Scopes;

/** Rules of consumers and keys: pure functions, each returning what is wrong (empty when all is well). */
final class AccessPolicies {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_ACTIVE_KEYS = 10;
    /** As many as there are scopes. */
    static final int MAX_SCOPES = 7;

    private AccessPolicies() {
    }

    /** Scopes must be known; a subject acts for itself only, so it never gets operator powers. */
    static List<FieldError> scopesPolicy(ConsumerType type, List<String> scopes) {
        List<FieldError> errors = new ArrayList<>();
        if (scopes.isEmpty()) {
            errors.add(new FieldError("scopes", "empty", "a consumer needs at least one scope; suspend it to stop it instead"));
        }
        for (String scope : scopes) {
            if (!Scopes.ALL.contains(scope)) {
                errors.add(new FieldError("scopes", "unknown-scope", "unknown scope " + scope, String.join(", ", Scopes.ALL)));
            }
        }
        Set<String> forbiddenForSubjects = Set.of(Scopes.ADMIN, Scopes.AUDIT_READ, Scopes.INGEST_WRITE, Scopes.LISTS_WRITE);
        if (type == ConsumerType.SUBJECT && scopes.stream().anyMatch(forbiddenForSubjects::contains)) {
            errors.add(new FieldError("scopes", "not-for-subjects", "a subject consumer may not hold admin, audit, ingest or list scopes"));
        }
        return errors;
    }

    /** The scopes with which a department writes for itself: it must be bound to its own USCC to hold them. */
    static final Set<String> DEPARTMENT_WRITE_SCOPES = Set.of(Scopes.INGEST_WRITE, Scopes.LISTS_WRITE);

    /**
     * A subject consumer is bound to exactly its own USCC. A department that writes (ingestion,
     * lists) is bound to its own, and then writes only as that department; one that only reads may be
     * unbound. No other consumer is bound to one.
     */
    static List<FieldError> bindingPolicy(ConsumerType type, String boundUscc, List<String> scopes) {
        if (type == ConsumerType.SUBJECT && boundUscc == null) {
            return List.of(new FieldError("boundUscc", "required", "a SUBJECT consumer must be bound to its USCC"));
        }
        if (type == ConsumerType.DEPARTMENT && boundUscc == null && scopes.stream().anyMatch(DEPARTMENT_WRITE_SCOPES::contains)) {
            return List.of(new FieldError("boundUscc", "required", "a DEPARTMENT consumer with ingest:write or lists:write must be bound "
                    + "to its department's USCC, as which it writes; without the binding give it read scopes only"));
        }
        if (type != ConsumerType.SUBJECT && type != ConsumerType.DEPARTMENT && boundUscc != null) {
            return List.of(new FieldError("boundUscc", "not-allowed", "only SUBJECT and DEPARTMENT consumers are bound to a USCC"));
        }
        return List.of();
    }

    /** A key works from its creation until it is revoked or expires. */
    static boolean usableKeyPolicy(OffsetDateTime expiresAt, OffsetDateTime revokedAt, OffsetDateTime now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** Rotation needs two keys at once; an unbounded number would only hide forgotten ones. */
    static List<FieldError> keyIssuePolicy(long usableKeys, OffsetDateTime expiresAt, OffsetDateTime now) {
        List<FieldError> errors = new ArrayList<>();
        if (usableKeys >= MAX_ACTIVE_KEYS) {
            errors.add(new FieldError("keys", "too-many-keys", "a consumer may hold at most " + MAX_ACTIVE_KEYS + " usable keys; revoke one first"));
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add(new FieldError("expiresAt", "in-the-past", "expiresAt must be in the future"));
        }
        return errors;
    }
}
