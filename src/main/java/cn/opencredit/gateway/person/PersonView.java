package cn.opencredit.gateway.person;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A natural person as every answer shows one: the identity number masked, never in clear. */
@Schema(name = "Person")
public record PersonView(
        @Schema(description = "The person's id at the gateway, for later calls", examples = "0b6f1c1e-8a0e-4a53-9d43-54a1a3c1d2e4") String id,
        @Schema(examples = "张三") String name,
        @Schema(description = "Masked identity number", examples = "410526********1234") String identityNumber,
        @Schema(nullable = true, description = "Occupational group (沁阳's 14 key groups)", examples = "teacher") OccupationalGroup occupation) {
}
