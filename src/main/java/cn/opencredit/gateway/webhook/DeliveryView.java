package cn.opencredit.gateway.webhook;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event's delivery to one endpoint, with each attempt. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
        @Schema(required = true, examples = "301") String id,
        @Schema(required = true, description = "The `webhook-id` it is sent under, every time", examples = "msg_2f9c1e7a5b3d4c6e8f0a1b2c3d4e5f60")
        String messageId,
        @Schema(required = true) WebhookEventType eventType,
        @Schema(required = true) DeliveryState state,
        @Schema(required = true, examples = "3") int attempts,
        @Schema(required = true, nullable = true, description = "When it is due next; null once delivered, failed or cancelled")
        OffsetDateTime nextAttemptAt,
        @Schema(required = true, description = "Retried until then") OffsetDateTime retryUntil,
        @Schema(required = true, nullable = true, examples = "200") Integer lastStatusCode,
        @Schema(required = true, nullable = true, examples = "timeout") String lastError,
        @Schema(required = true, nullable = true) OffsetDateTime deliveredAt,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true, description = "Oldest first") List<AttemptView> attemptLog) {

    /** One attempt: when, what the receiver answered and how long it took. */
    @Schema(name = "WebhookAttempt")
    public record AttemptView(
            @Schema(required = true) OffsetDateTime attemptedAt,
            @Schema(required = true, nullable = true, description = "Null when no answer came", examples = "503") Integer statusCode,
            @Schema(required = true, examples = "84") int latencyMs,
            @Schema(required = true, nullable = true, examples = "HTTP 503") String error) {
    }
}
