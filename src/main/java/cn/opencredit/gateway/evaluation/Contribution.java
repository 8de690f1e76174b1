package cn.opencredit.gateway.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason for a subject's score: what it is (a record, a list entry, a fact, the registration,
 * or an adjustment of the total), the rule of the model that applied, and the points it is worth
 * at each step: as the rule gives them, after decay by age, and what counted after the dimension's
 * caps. The points counted, added to the model's base, make the score.
 */
@Schema(description = "One reason for the score, with the points at each step")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contribution(
        @Schema(required = true, description = "The dimension of the model it belongs to", examples = "failings") String dimension,
        @Schema(required = true, description = "The rule that applied: record:<category>[:<severity>], list:<type>, tax-grade:<level>, "
                + "industry-rating:<level>, fact:<kind>, operating-years:<from>, or the adjustments grade-ceiling and score-range",
                examples = "record:penalty:serious") String rule,
        @Schema(required = true, description = "What it is about") Source source,
        @Schema(required = true, description = "Points as the rule gives them", examples = "-150") int points,
        @Schema(description = "Share kept by the record's age, for rules that decay", examples = "0.6") BigDecimal decayFactor,
        @Schema(required = true, description = "Points after decay", examples = "-90") int afterDecay,
        @Schema(required = true, description = "Points counted after the dimension's caps", examples = "-90") int counted,
        @Schema(required = true, description = "Plain-Chinese explanation an app can show",
                examples = "2025年9月14日受到严重失信行政处罚（石市监罚〔2025〕118号），扣150分；已满12个月，按60%计，扣90分") String reasonZh) {

    /**
     * @param kind  record, list-entry, fact, registration or score
     * @param id    the record's or entry's id, the fact's id; null for registration and score
     */
    @Schema(name = "ContributionSource")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(
            @Schema(required = true, enumeration = {"record", "list-entry", "fact", "registration", "score"}, examples = "record") String kind,
            @Schema(examples = "48213") String id,
            @Schema(required = true, examples = "行政处罚决定书") String label,
            @Schema(description = "The decision, inclusion, fact or registration date", examples = "2025-09-14") LocalDate date) {
    }

    /** The same contribution once the caps are applied; {@code note} says why fewer points counted. */
    Contribution counting(int counted, String note) {
        return new Contribution(dimension, rule, source, points, decayFactor, afterDecay, counted, note == null ? reasonZh : reasonZh + note);
    }
}
