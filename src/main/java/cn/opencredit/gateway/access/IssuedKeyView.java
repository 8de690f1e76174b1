package cn.opencredit.gateway.access;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new key, with its secret: the only time the gateway ever shows it. */
@Schema(name = "IssuedKey")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuedKeyView(UUID id,
        @Schema(description = "The secret; store it now, it cannot be shown again", examples = "ocg_Xk3v9QaZr0s8F1nB2yT7uVwLq4eMhJcD") String key,
        @Schema(examples = "ocg_Xk3v9QaZ") String prefix, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
}
