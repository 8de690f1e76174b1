package cn.opencredit.gateway.repair;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application to repair one failing record. */
@Schema(name = "RepairApplicationRequest")
public record RepairRequest(
        @Schema(required = true, description = "The failing record to repair", examples = "1048576") @NotNull @Positive Long recordId,
        @Schema(required = true, description = "true: the legal obligations of the decision are performed (the fine paid, the order "
                + "complied with)") @NotNull Boolean obligationsPerformed,
        @Schema(required = true, maxLength = 2000, description = "What was done, as the evidence shows",
                examples = "罚款5000元已于2026年3月2日缴清，违法标签已全部更换") @NotBlank @Size(max = 2000) String obligations,
        @Schema(required = true, maxItems = 10, description = "Evidence the applicant uploaded (POST /api/v1/evidence), at least one: "
                + "payment receipts, rectification reports") @NotNull @Size(max = 10) List<@NotNull UUID> evidence,
        @Schema(required = true) @NotNull @Valid Commitment commitment,
        @Schema(description = "The subject's black-list entry by the same authority that the repair also ends (its removal with reason "
                + "repaired)", examples = "2048") @Positive Long blackListEntryId) {

    /** 信用修复承诺: the published text, accepted explicitly. */
    @Schema(name = "RepairCommitment", description = "The repair commitment: the published text "
            + "(GET /api/v1/repair-applications/commitment-text) word for word, and accepted: true")
    public record Commitment(
            @Schema(required = true, maxLength = 2000, examples = RepairConfig.STANDARD_COMMITMENT) @NotNull @Size(max = 2000) String text,
            @Schema(required = true, description = "Must be true") @NotNull Boolean accepted) {
    }
}
