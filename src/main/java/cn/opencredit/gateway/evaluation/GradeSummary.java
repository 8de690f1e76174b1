package cn.opencredit.gateway.evaluation;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The grade as other read models show it (the profile): the full evaluation is at /evaluation. */
@Schema(name = "GradeSummary", description = "The subject's current public credit grade; details at /api/v1/subjects/{uscc}/evaluation")
public record GradeSummary(
        @Schema(required = true, enumeration = {"A", "B", "C", "D"}) Grade grade,
        @Schema(required = true, examples = "良") String gradeZh,
        @Schema(required = true, enumeration = {"trusted", "general", "focused", "strict"}) SupervisionClass supervisionClass,
        @Schema(required = true, examples = "一般监管") String supervisionClassZh,
        @Schema(required = true, examples = "2026-12-04") LocalDate asOf,
        @Schema(required = true, examples = "2026.1") String modelVersion) {
}
