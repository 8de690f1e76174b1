package cn.opencredit.gateway.registration;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item a subject registers, with its evidence and its truthfulness commitment. */
@Schema(name = "RegistrationRequest")
public record RegistrationRequest(
        @Schema(required = true, description = "The subject the item is about: a subject consumer's own USCC (another is 403); an operator "
                + "names the subject it serves at the service window", examples = "91659001MA00000152") @NotBlank String subjectUscc,
        @Schema(required = true) @NotNull RegistrationCategory category,
        @Schema(required = true, type = SchemaType.OBJECT, description = RegistrationExamples.FIELDS_DESCRIPTION)
        @NotNull Map<String, Object> fields,
        @Schema(maxItems = 10, description = "Evidence the submitter uploaded (POST /api/v1/evidence): certificates, contracts, receipts")
        @Size(max = 10) List<@NotNull UUID> evidence,
        @Schema(required = true) @NotNull @Valid Commitment commitment) {

    /** 信用承诺: the published text, accepted explicitly. */
    @Schema(name = "RegistrationCommitment", description = "The truthfulness commitment: the published text "
            + "(GET /api/v1/registrations/commitment-text) word for word, and accepted: true")
    public record Commitment(
            @Schema(required = true, maxLength = 2000, examples = RegistrationConfig.STANDARD_COMMITMENT) @NotNull @Size(max = 2000) String text,
            @Schema(required = true, description = "Must be true") @NotNull Boolean accepted) {
    }
}
