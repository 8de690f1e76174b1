package cn.opencredit.gateway.sandbox;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a reset of the sandbox loaded and kept. */
@Schema(name = "SandboxReset")
public record SandboxResetView(OffsetDateTime resetAt, long subjects, long records, long listEntries,
        @Schema(description = "Consumers (with their keys) kept across the reset") long consumersKept, long durationMillis) {
}
