package cn.opencredit.gateway.objection;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The filer takes its objection back before it is decided. */
@Schema(name = "ObjectionWithdrawal")
public record WithdrawalRequest(
        @Schema(maxLength = 2000, examples = "已与处罚机关沟通，撤回异议") @Size(max = 2000) String reason,
        @Schema(required = true, description = "The objection's version, from reading it", examples = "0") @NotNull @PositiveOrZero Integer version) {
}
