package cn.opencredit.gateway.objection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** The source department's decision on an objection. */
@Schema(name = "ObjectionDecision")
public record DecisionRequest(
        @Schema(required = true, description = "corrected: the record is corrected as `correction` says (a new version, the old one in its "
                + "history); revoked: it stops being published; upheld: it stands as it was") @NotNull Outcome outcome,
        @Schema(required = true, maxLength = 2000, description = "Why; shown to the filer and the subject",
                examples = "经核实，原处罚决定已被复议机关撤销") @NotBlank @Size(max = 2000) String reason,
        @Schema(required = true, description = "The objection's version the decision is made on (from reading it); a stale one is 409",
                examples = "0") @NotNull @PositiveOrZero Integer version,
        @Schema(description = "What is corrected; required for, and only with, the outcome corrected") @Valid Correction correction) {

    public enum Outcome implements ApiCode {
        CORRECTED, REVOKED, UPHELD;

        @JsonValue
        @Override
        public String code() {
            return ApiCode.super.code();
        }
    }

    /** The corrected fields; those left out keep their value. */
    @Schema(name = "RecordCorrection")
    public record Correction(
            @Schema(maxLength = 500, examples = "行政处罚决定书") @Size(max = 500) String title,
            @Schema(maxLength = 200, examples = "石市监罚〔2026〕118号") @Size(max = 200) String decisionNumber,
            @Schema(maxLength = 4000, examples = "销售标签不符合规定的预包装食品，责令改正") @Size(max = 4000) String content,
            @Schema(description = "A corrected severity moves the publication end within its legal period", enumeration = {"minor", "general",
                    "serious"}) String severity) {
    }
}
