package cn.opencredit.gateway.shared.audit;

import io.vertx.ext.web.RoutingContext;

/**
 * A read made under a subject's consent, as its access log records it: the endpoint puts it on the
 * request ({@link #mark}) once the consent is checked, and {@link AuditFilter} logs the consent's
 * id and purpose and what went out in place of the caller's declared purpose.
 *
 * @param disclosed the consent categories the answer carried, comma-separated
 */
public record ConsentedRead(long consentId, String purpose, String disclosed) {

    static final String ATTRIBUTE = "opencredit.audit.consented-read";

    public void mark(RoutingContext routing) {
        routing.put(ATTRIBUTE, this);
    }

    /** Nothing went out under the consent after all (it was revoked while the answer was read). */
    public static void clear(RoutingContext routing) {
        routing.remove(ATTRIBUTE);
    }
}
