package cn.opencredit.gateway.shared.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One access to one subject's data.
 *
 * @param consumerId null for anonymous callers
 * @param keyId      null for anonymous callers
 * @param operation  what was done, e.g. {@code subject.profile}
 * @param purpose    the purpose of the consent read under, else the caller's declared one ({@code X-Purpose}), if any
 * @param outcome    the HTTP status answered
 * @param consentId  the consent the data was read under, if any
 * @param disclosed  what of the subject's data went out under that consent (consent category codes, comma-separated)
 */
public record AuditEntry(OffsetDateTime occurredAt, UUID consumerId, String consumerName, String consumerType, UUID keyId,
        String subjectUscc, String operation, String purpose, int outcome, String requestId, Long consentId, String disclosed) {
}
