package cn.opencredit.gateway.consent;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The subject (or an operator) ends a consent now. */
@Schema(name = "ConsentRevocation")
public record RevocationRequest(
        @Schema(maxLength = 500, examples = "贷款申请已撤回") @Size(max = 500) String reason,
        @Schema(required = true, description = "The consent's version, from reading it", examples = "0") @NotNull @PositiveOrZero Integer version) {
}
