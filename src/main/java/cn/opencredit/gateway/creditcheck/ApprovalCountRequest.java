package cn.opencredit.gateway.creditcheck;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many cases (approvals, procurements, awards …) of a scenario a department handled in a month: the 应查必查 rate's denominator. */
@Schema(name = "ApprovalCountRequest")
public record ApprovalCountRequest(
        @NotBlank @Schema(required = true, examples = "government-procurement") String scenario,
        @NotBlank @Schema(required = true, pattern = "^\\d{4}-\\d{2}$", examples = "2026-11") String month,
        @NotNull @Min(0) @Max(10_000_000) @Schema(required = true, examples = "120") Integer approvals,
        @Schema(description = "Operators only: the department reported for", examples = "11659001MB0000019Q") String departmentUscc) {
}
