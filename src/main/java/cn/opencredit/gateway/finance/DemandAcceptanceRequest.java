package cn.opencredit.gateway.finance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The enterprise accepts one bank's offer. */
@Schema(name = "DemandAcceptance")
public record DemandAcceptanceRequest(
        @Schema(required = true, description = "The offer's id, from the demand's responses", examples = "31") @NotBlank String offerId,
        @Schema(required = true, description = "The demand's version, from reading it", examples = "0") @NotNull @PositiveOrZero Integer version) {
}
