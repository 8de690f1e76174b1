package cn.opencredit.gateway.finance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.opencredit.gateway.shared.money.Money;
import cn.opencredit.gateway.timeline.TimelineView;

/** A financing demand as its reader may see it: a bank sees only its own answer and outcome. */
@Schema(name = "Demand")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DemandView(
        @Schema(required = true, examples = "57") String id,
        @Schema(required = true, examples = "91659001MA00000152") String subjectUscc,
        @Schema(required = true, examples = "石河子恒通物流有限公司") String subjectName,
        @Schema(required = true) Money amount,
        @Schema(required = true, examples = "36") int termMonths,
        @Schema(required = true, examples = "购置冷链运输车辆，扩大仓储能力") String purpose,
        @Schema(required = true) DemandGuarantee guaranteeType,
        @Schema(required = true, description = "Sent to every active bank consumer") boolean toAllBanks,
        @Schema(description = "The banks it was sent to by name; shown to the enterprise and operators") List<UUID> banks,
        @Schema(required = true) DemandState state,
        @Schema(examples = "31") String acceptedOfferId,
        @Schema(required = true) OffsetDateTime createdAt,
        OffsetDateTime closedAt,
        @Schema(required = true, examples = "0") int version,
        @Schema(required = true, description = "The banks' answers (a bank: its own)") List<OfferView> responses,
        @Schema(required = true, description = "The loan outcomes reported (a bank: its own)") List<OutcomeView> outcomes,
        @Schema(description = "Every transition; for the enterprise and operators, when one demand is read") List<TimelineView> events) {
}
