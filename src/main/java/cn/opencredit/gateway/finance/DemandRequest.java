package cn.opencredit.gateway.finance;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A financing demand an enterprise posts. */
@Schema(name = "DemandRequest")
public record DemandRequest(
        @Schema(required = true, description = "The enterprise asking: a subject consumer's own USCC (another is 403); an operator names "
                + "the enterprise it serves at the service window", examples = "91659001MA00000152") @NotBlank String subjectUscc,
        @Schema(required = true, description = "Exact decimal yuan, more than 0, at most 2 decimals", pattern = "^\\d{1,18}(\\.\\d{1,2})?$",
                examples = "3000000.00") @NotBlank @Size(max = 40) String amount,
        @Schema(description = "CNY, the only currency taken", enumeration = "CNY", defaultValue = "CNY") @Size(max = 3) String currency,
        @Schema(required = true, minimum = "1", maximum = "360", examples = "36") @NotNull @Min(1) @Max(360) Integer termMonths,
        @Schema(required = true, maxLength = 500, examples = "购置冷链运输车辆，扩大仓储能力") @NotBlank @Size(max = 500) String purpose,
        @Schema(required = true) @NotNull DemandGuarantee guaranteeType,
        @Schema(maxItems = 50, description = "The bank consumers the demand goes to; none: every active bank consumer")
        @Size(max = 50) List<@NotNull UUID> banks) {
}
