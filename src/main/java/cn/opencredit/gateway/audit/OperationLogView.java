package cn.opencredit.gateway.audit;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One bulk read, as operators and auditors see it. */
@Schema(name = "OperationLogEntry")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationLogView(
        @Schema(required = true, examples = "77120") String id,
        @Schema(required = true) OffsetDateTime occurredAt,
        @Schema(description = "Absent for anonymous callers", format = "uuid") String consumerId,
        @Schema(required = true, examples = "中诚信征信有限公司") String consumerName,
        @Schema(required = true, description = "Consumer type code, or anonymous", examples = "credit-agency") String consumerType,
        @Schema(description = "The key used; absent for anonymous callers", format = "uuid") String keyId,
        @Schema(required = true, examples = "list.entries") String operation,
        @Schema(required = true, description = "The query and path parameters as sent, each cut to 200 characters") Map<String, Object> filters,
        @Schema(description = "Items answered; absent when the answer was an error", examples = "20") Integer items,
        @Schema(required = true, description = "HTTP status answered", examples = "200") int outcome,
        @Schema(required = true, description = "The request's X-Request-Id") String requestId) {
}
