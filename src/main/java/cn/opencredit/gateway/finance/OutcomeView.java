package cn.opencredit.gateway.finance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.opencredit.gateway.shared.money.Money;

/** A loan outcome a bank reported. */
@Schema(name = "LoanOutcome")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutcomeView(
        @Schema(required = true, examples = "12") String id,
        @Schema(required = true, examples = "57") String demandId,
        @Schema(required = true, description = "The bank consumer") UUID bankId,
        @Schema(required = true) OutcomeResult result,
        Money amount,
        @Schema(examples = "36") Integer termMonths,
        @Schema(description = "% per year", examples = "3.450") String rateFrom,
        @Schema(description = "% per year", examples = "3.450") String rateTo,
        DemandGuarantee guaranteeType,
        @Schema(required = true, examples = "2026-12-10") LocalDate decidedOn,
        DemandRefusalReason reason,
        @Schema(required = true) OffsetDateTime reportedAt) {
}
