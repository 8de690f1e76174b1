package cn.opencredit.gateway.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A recompute or a backtest, with its progress: subjects done of the total, the rate so far and
 * the time it still needs at that rate. A finished backtest's result compares the grades under the
 * draft and under the model in force, with the transitions between them.
 */
@Schema(name = "EvaluationJob")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(
        @Schema(required = true) UUID id,
        @Schema(required = true, enumeration = {"recompute", "backtest"}) String kind,
        @Schema(required = true, examples = "2026.2") String modelVersion,
        @Schema(description = "The model in force a backtest compares with", examples = "2026.1") String baselineVersion,
        @Schema(required = true, enumeration = {"running", "finished", "failed", "abandoned"},
                description = "abandoned: its replica stopped reporting; another takes it over within a minute") String state,
        @Schema(required = true, examples = "model 2026.2 published") String reason,
        @Schema(required = true, examples = "2026-12-04") LocalDate asOf,
        @Schema(required = true) Progress progress,
        @Schema(required = true) OffsetDateTime requestedAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        @Schema(description = "recompute: subjects and changed; backtest: draft, current (count per grade, none for no grade) and "
                + "transitions (from the current grade to the draft's)") Object result,
        @Schema(description = "Why it failed") String failure) {

    @Schema(name = "EvaluationJobProgress")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Progress(
            @Schema(required = true, examples = "1000000") long total,
            @Schema(required = true, examples = "412000") long done,
            @Schema(required = true, description = "done / total, 0 to 1", examples = "0.412") double share,
            @Schema(required = true, description = "Subjects per second so far", examples = "23500") double ratePerSecond,
            @Schema(description = "Seconds still needed at that rate; absent once finished", examples = "25") Long etaSeconds) {
    }
}
