package cn.opencredit.gateway.repair;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** The deciding authority's decision on a repair application. */
@Schema(name = "RepairDecision")
public record RepairDecisionRequest(
        @Schema(required = true, description = "approved: the record is repaired (publication, sharing and use end together); rejected: "
                + "it stays published") @NotNull Outcome outcome,
        @Schema(required = true, maxLength = 2000, description = "Why; shown to the applicant and the subject",
                examples = "经核实，罚款已缴清、违法行为已纠正，同意信用修复") @NotBlank @Size(max = 2000) String reason,
        @Schema(required = true, description = "The application's version the decision is made on (from reading it); a stale one is 409",
                examples = "0") @NotNull @PositiveOrZero Integer version) {

    public enum Outcome implements ApiCode {
        APPROVED, REJECTED;

        @JsonValue
        @Override
        public String code() {
            return ApiCode.super.code();
        }
    }
}
