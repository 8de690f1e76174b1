package cn.opencredit.gateway.registration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The subject takes its item back: a submitted one before it is verified, or a verified one out of publication. */
@Schema(name = "RegistrationWithdrawal")
public record WithdrawalRequest(
        @Schema(maxLength = 2000, examples = "证照已注销，撤回注册信息") @Size(max = 2000) String reason,
        @Schema(required = true, description = "The item's version, from reading it", examples = "1") @NotNull @PositiveOrZero Integer version) {
}
