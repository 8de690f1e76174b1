package cn.opencredit.gateway.shared.security;

import java.util.Set;
import java.util.UUID;

/**
 * The caller behind a request: a consumer authenticated by one of its keys, or the anonymous
 * caller identified only by its network address.
 *
 * @param consumerId null for anonymous callers
 * @param keyId      the key used, null for anonymous callers
 * @param type       consumer type code, {@code ANONYMOUS} for anonymous callers
 * @param plan       the rate plan name
 * @param boundUscc  the USCC a subject consumer acts for, else null
 * @param rateKey    what rate limits are counted against: the consumer, or the client address
 */
public record ApiClient(UUID consumerId, UUID keyId, String name, String type, Set<String> scopes, String plan, String boundUscc,
        String rateKey) {

    public static final String ANONYMOUS_TYPE = "ANONYMOUS";
    /** The platform's operators: act for any authority. */
    public static final String OPERATOR_TYPE = "OPERATOR";
    /** A government department: reports records and maintains lists for itself. */
    public static final String DEPARTMENT_TYPE = "DEPARTMENT";
    /** A bank: reads what subjects consent to for their loans (信易贷). */
    public static final String BANK_TYPE = "BANK";
    /** A credit agency: reads what subjects consent to, as banks do. */
    public static final String CREDIT_AGENCY_TYPE = "CREDIT_AGENCY";
    /** A credit subject acting for itself, bound to its own USCC. */
    public static final String SUBJECT_TYPE = "SUBJECT";

    /** The caller that {@link ApiKeyAuthenticationMechanism} attached to an identity. */
    public static ApiClient of(io.quarkus.security.identity.SecurityIdentity identity) {
        return identity.getAttribute(ApiKeyAuthenticationMechanism.CLIENT_ATTRIBUTE);
    }

    public boolean anonymous() {
        return consumerId == null;
    }
}
