package cn.opencredit.gateway.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The department found a verified item false: the subject broke its truthfulness commitment. */
@Schema(name = "RegistrationFalsity")
public record FalsityRequest(
        @Schema(required = true, maxLength = 2000, description = "What was found false, and how; published in the failing record",
                examples = "经核查，该证照已于2026年6月被发证机关注销，注册信息不实") @NotBlank @Size(max = 2000) String reason,
        @Schema(required = true, description = "The item's version, from reading it; a stale one is 409", examples = "1")
        @NotNull @PositiveOrZero Integer version) {
}
