package cn.opencredit.gateway.commitment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** The department's report of what became of an open commitment. */
@Schema(name = "CommitmentOutcome")
public record CommitmentOutcomeRequest(
        @Schema(required = true, description = "fulfilled (践诺): counts in the evaluation; breached (违诺): a failing record is published; "
                + "cancelled: the procedure ended without the obligation (say why)") @NotNull Outcome outcome,
        @Schema(format = "date", description = "fulfilled only: the day the obligation was performed, today when absent; not in the "
                + "future, not before madeOn, and for deficiency-tolerance not after the deadline", examples = "2026-12-16") String fulfilledOn,
        @Schema(maxLength = 2000, description = "Why; required for breached and cancelled, shown to the subject and in the failing record",
                examples = "申请人已于2026年12月16日补齐食品安全管理制度文本") @Size(max = 2000) String reason,
        @Schema(required = true, description = "The commitment's version the report is made on (from reading it); a stale one is 409",
                examples = "0") @NotNull @PositiveOrZero Integer version) {

    @Schema(name = "CommitmentOutcomeKind")
    public enum Outcome implements ApiCode {
        FULFILLED, BREACHED, CANCELLED;

        @JsonValue
        @Override
        public String code() {
            return ApiCode.super.code();
        }
    }
}
