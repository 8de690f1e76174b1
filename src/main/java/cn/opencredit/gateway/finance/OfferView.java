package cn.opencredit.gateway.finance;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.opencredit.gateway.shared.money.Money;

/** One bank's answer to a demand. */
@Schema(name = "DemandResponse")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfferView(
        @Schema(required = true, examples = "31") String id,
        @Schema(required = true, description = "The bank consumer") UUID bankId,
        @Schema(required = true) OfferDecision decision,
        Money amount,
        @Schema(description = "% per year", examples = "3.450") String rateFrom,
        @Schema(description = "% per year", examples = "3.850") String rateTo,
        @Schema(examples = "36") Integer termMonths,
        DemandRefusalReason reason,
        @Schema(examples = "可提供信用贷款，需补充近一年纳税证明") String note,
        @Schema(required = true) OfferState state,
        @Schema(required = true) OffsetDateTime createdAt) {
}
