package cn.opencredit.gateway.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One result a subject had; the score only for the subject itself and departments. */
@Schema(name = "EvaluationHistoryItem")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationHistoryItem(
        @Schema(required = true, examples = "2026.1") String modelVersion,
        @Schema(required = true, examples = "2026-12-04") LocalDate asOf,
        @Schema(required = true, examples = "2026-12-04T10:15:30.123+08:00") OffsetDateTime evaluatedAt,
        @Schema(enumeration = {"A", "B", "C", "D"}) Grade grade,
        @Schema(examples = "良") String gradeZh,
        @Schema(enumeration = {"trusted", "general", "focused", "strict"}) SupervisionClass supervisionClass,
        @Schema(examples = "cancelled") String notEvaluated,
        @Schema(description = "Full detail only", examples = "720") Integer score) {
}
