package cn.opencredit.gateway.finance;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bank's answer to a demand: an offer with amount, rate band and term, or a decline with a reason code. */
@Schema(name = "OfferRequest")
public record OfferRequest(
        @Schema(required = true) @NotNull OfferDecision decision,
        @Schema(description = "Offer: exact decimal yuan, more than 0", pattern = "^\\d{1,18}(\\.\\d{1,2})?$", examples = "2000000.00")
        @Size(max = 40) String amount,
        @Schema(description = "Offer: lower end of the rate band, % per year, at most 3 decimals", pattern = "^\\d{1,3}(\\.\\d{1,3})?$",
                examples = "3.450") @Size(max = 20) String rateFrom,
        @Schema(description = "Offer: upper end of the rate band, % per year, not below rateFrom", pattern = "^\\d{1,3}(\\.\\d{1,3})?$",
                examples = "3.850") @Size(max = 20) String rateTo,
        @Schema(description = "Offer: months", minimum = "1", maximum = "360", examples = "36") @Min(1) @Max(360) Integer termMonths,
        @Schema(description = "Decline: why") DemandRefusalReason reason,
        @Schema(maxLength = 500, description = "Free text; required with reason other", examples = "可提供信用贷款，需补充近一年纳税证明")
        @Size(max = 500) String note) {
}
