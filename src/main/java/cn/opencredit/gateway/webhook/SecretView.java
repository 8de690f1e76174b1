package cn.opencredit.gateway.webhook;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new signing secret, shown this once. */
@Schema(name = "WebhookSecret")
public record SecretView(
        @Schema(required = true, examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3CrwaEJ8hRs=") String secret,
        @Schema(required = true, description = "Until then the previous secret signs too (a second `v1,` signature)")
        OffsetDateTime previousSecretValidUntil) {
}
