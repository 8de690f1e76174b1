package cn.opencredit.gateway.objection;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dispute about one credit record. */
@Schema(name = "ObjectionRequest")
public record ObjectionRequest(
        @Schema(required = true, description = "The disputed credit record's id", examples = "1048576") @NotNull @Positive Long recordId,
        @Schema(required = true, maxLength = 2000, description = "What is wrong with the record, and why",
                examples = "该处罚决定已于2026年11月20日经行政复议决定撤销") @NotBlank @Size(max = 2000) String reason,
        @Schema(maxItems = 10, description = "Evidence the filer uploaded (POST /api/v1/evidence)") @Size(max = 10) List<@NotNull UUID> evidence) {
}
