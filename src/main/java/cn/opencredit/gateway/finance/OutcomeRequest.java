package cn.opencredit.gateway.finance;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the bank did with the loan a demand asked for. */
@Schema(name = "OutcomeRequest")
public record OutcomeRequest(
        @Schema(required = true) @NotNull OutcomeResult result,
        @Schema(description = "Granted: exact decimal yuan lent, more than 0", pattern = "^\\d{1,18}(\\.\\d{1,2})?$", examples = "2000000.00")
        @Size(max = 40) String amount,
        @Schema(description = "Granted: months", minimum = "1", maximum = "360", examples = "36") @Min(1) @Max(360) Integer termMonths,
        @Schema(description = "Granted: lower end of the rate band, % per year", pattern = "^\\d{1,3}(\\.\\d{1,3})?$", examples = "3.450")
        @Size(max = 20) String rateFrom,
        @Schema(description = "Granted: upper end of the rate band, % per year (equal to rateFrom for a fixed rate)",
                pattern = "^\\d{1,3}(\\.\\d{1,3})?$", examples = "3.450") @Size(max = 20) String rateTo,
        @Schema(description = "Granted: how the loan is secured") DemandGuarantee guaranteeType,
        @Schema(required = true, format = "date", description = "The day the bank granted or refused (Beijing time); not in the future, not "
                + "before the demand", examples = "2026-12-10") @NotNull LocalDate decidedOn,
        @Schema(description = "Refused: why") DemandRefusalReason reason) {
}
