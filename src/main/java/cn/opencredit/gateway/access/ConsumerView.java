package cn.opencredit.gateway.access;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consumer as operators see it: never with key secrets or hashes. */
@Schema(name = "Consumer")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsumerView(UUID id, String name, ConsumerType type, List<String> scopes, String plan, String boundUscc,
        ConsumerStatus status, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        @Schema(description = "Absent in listings") List<KeyView> keys) {

    /** A key's public facts: the prefix identifies it in support conversations. */
    @Schema(name = "ApiKey")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyView(UUID id, @Schema(examples = "ocg_Xk3v9QaZ") String prefix, OffsetDateTime createdAt, OffsetDateTime expiresAt,
            OffsetDateTime revokedAt, boolean usable) {
    }
}
