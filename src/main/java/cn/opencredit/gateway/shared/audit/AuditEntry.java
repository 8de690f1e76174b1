package cn.opencredit.gateway.shared.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One access to one subject's data.
 *
 * @param consumerId null for anonymous callers
 * @param keyId      null for anonymous callers
 * @param operation  what was done, e.g. {@code subject.profile}
 * @param purpose    the caller's declared purpose ({@code X-Purpose}), if any
 * @param outcome    the HTTP status answered
 */
public record AuditEntry(OffsetDateTime occurredAt, UUID consumerId, String consumerName, String consumerType, UUID keyId,
        String subjectUscc, String operation, String purpose, int outcome, String requestId) {
}
