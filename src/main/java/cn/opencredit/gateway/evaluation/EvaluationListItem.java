package cn.opencredit.gateway.evaluation;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.subject.SubjectType;

/** A subject of the grade asked for, in USCC order. */
@Schema(name = "EvaluatedSubject")
public record EvaluationListItem(
        @Schema(required = true, examples = "91659001MA00000152") String uscc,
        @Schema(required = true, examples = "石河子恒通物流有限公司") String name,
        @Schema(required = true, enumeration = {"A", "B", "C", "D"}) Grade grade,
        @Schema(required = true, examples = "优") String gradeZh,
        @Schema(required = true, enumeration = {"trusted", "general", "focused", "strict"}) SupervisionClass supervisionClass,
        @Schema(required = true, examples = "659001") String regionCode,
        @Schema(nullable = true, description = "GB/T 4754 section", examples = "G") String industrySection,
        @Schema(required = true) SubjectType subjectType,
        @Schema(required = true, examples = "2026-12-04") LocalDate asOf,
        @Schema(required = true, examples = "2026.1") String modelVersion) {
}
