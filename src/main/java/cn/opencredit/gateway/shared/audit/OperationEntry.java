package cn.opencredit.gateway.shared.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One bulk read (search, a list, disclosures, the change feed, statistics): the operations log's row.
 *
 * @param consumerId null for anonymous callers
 * @param keyId      null for anonymous callers
 * @param operation  what was read, e.g. {@code subject.search}
 * @param filters    the request's query and path parameters as a JSON object
 * @param items      how many items the answer carried; null when it carried none (an error)
 * @param outcome    the HTTP status answered
 */
public record OperationEntry(OffsetDateTime occurredAt, UUID consumerId, String consumerName, String consumerType, UUID keyId,
        String operation, String filters, Integer items, int outcome, String requestId) {
}
