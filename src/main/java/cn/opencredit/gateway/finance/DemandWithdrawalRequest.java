package cn.opencredit.gateway.finance;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The enterprise takes an open demand back. */
@Schema(name = "DemandWithdrawal")
public record DemandWithdrawalRequest(
        @Schema(maxLength = 500, examples = "资金需求已通过其他渠道解决") @Size(max = 500) String reason,
        @Schema(required = true, description = "The demand's version, from reading it", examples = "0") @NotNull @PositiveOrZero Integer version) {
}
