package cn.opencredit.gateway.webhook;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A webhook endpoint; its secret only in the answer that created it. */
@Schema(name = "WebhookEndpoint")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EndpointView(
        @Schema(required = true, examples = "12") String id,
        @Schema(required = true, examples = "https://hooks.bank.example.cn/opencredit") String url,
        String description,
        @Schema(required = true) List<WebhookEventType> eventTypes,
        @Schema(required = true) EndpointStatus status,
        @Schema(description = "Since when it is failing") OffsetDateTime failingSince,
        @Schema(description = "Until when the secret before the last rotation still signs too") OffsetDateTime previousSecretValidUntil,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt,
        @Schema(required = true, examples = "0") int version,
        @Schema(description = "The signing secret, `whsec_` + base64 of 32 bytes: only in the answer to its creation, never again",
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3CrwaEJ8hRs=") String secret) {
}
