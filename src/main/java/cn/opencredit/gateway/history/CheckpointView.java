package cn.opencredit.gateway.history;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A signed checkpoint of the history chain, as published.
 *
 * @param message the exact text that was signed, rebuilt from sequence and hash
 */
@Schema(name = "HistoryCheckpoint", description = "The chain head at a moment, signed with the platform's Ed25519 key held outside the database")
public record CheckpointView(
        @Schema(required = true, description = "The entry the checkpoint is at", examples = "5242880") long sequence,
        @Schema(required = true, description = "That entry's hash, SHA-256 in lower-case hex", pattern = "^[0-9a-f]{64}$",
                examples = "9f2c1a0d3b4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7") String hash,
        @Schema(required = true, description = "When it was signed (not part of what is signed)") OffsetDateTime signedAt,
        @Schema(required = true, description = "The signing key: first 16 hex digits of the SHA-256 of its SubjectPublicKeyInfo",
                examples = "3b1f0c7d9a2e4f61") String keyId,
        @Schema(required = true, description = "Ed25519 signature of `message`, 64 bytes in base64",
                examples = "q3Vx0n1fJ2l8n8Yx8Qk6tP1mJv4S0d9r2b5X7u0C3a1e6h8k0m2p4r6t8v0x2z4B6D8F0H2J4L6N8P0R2T4V6Xw==") String signature,
        @Schema(required = true, examples = "opencredit-history-checkpoint:v1:5242880:9f2c1a0d3b4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7")
        String message) {
}
