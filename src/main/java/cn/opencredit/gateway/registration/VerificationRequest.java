package cn.opencredit.gateway.registration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** The responsible department's verification of a submitted item. */
@Schema(name = "RegistrationVerification")
public record VerificationRequest(
        @Schema(required = true, description = "verified: the item is published as a voluntary record and counts in the evaluation; "
                + "rejected: it is not (say why)") @NotNull Outcome outcome,
        @Schema(maxLength = 2000, description = "Why; required for a rejection, shown to the subject",
                examples = "经核实，证照信息与发证机关登记一致") @Size(max = 2000) String reason,
        @Schema(required = true, description = "The item's version the decision is made on (from reading it); a stale one is 409",
                examples = "0") @NotNull @PositiveOrZero Integer version) {

    public enum Outcome implements ApiCode {
        VERIFIED, REJECTED;

        @JsonValue
        @Override
        public String code() {
            return ApiCode.super.code();
        }
    }
}
