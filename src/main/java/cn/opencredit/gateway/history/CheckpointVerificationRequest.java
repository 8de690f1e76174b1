package cn.opencredit.gateway.history;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A checkpoint someone kept, to be checked against today's chain. */
@Schema(name = "CheckpointVerificationRequest")
public record CheckpointVerificationRequest(
        @Schema(required = true, examples = "5242880") @NotNull @Positive Long sequence,
        @Schema(required = true, pattern = "^[0-9a-f]{64}$", examples = "9f2c1a0d3b4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7")
        @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits (SHA-256)") String hash,
        @Schema(required = true, description = "Ed25519 signature, base64", maxLength = 100)
        @NotNull @Pattern(regexp = "[A-Za-z0-9+/]{86}==", message = "must be a 64-byte signature in base64") String signature) {
}
