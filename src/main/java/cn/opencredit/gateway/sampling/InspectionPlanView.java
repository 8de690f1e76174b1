package cn.opencredit.gateway.sampling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.opencredit.gateway.evaluation.Grade;
import cn.opencredit.gateway.subject.SubjectType;

/**
 * A 双随机 plan as everyone may read it (一公开): what it drew from, the seed, the hash of the
 * frozen population and what it drew per grade, so that anyone can re-run the draw.
 */
@Schema(name = "InspectionPlan")
public record InspectionPlanView(
        @Schema(required = true, examples = "12") String id,
        @Schema(required = true, examples = "2026年第四季度食品生产企业双随机抽查") String title,
        @Schema(required = true, examples = "11659001MB0000019Q") String departmentUscc,
        @Schema(required = true, examples = "石河子市市场监督管理局") String departmentName,
        @Schema(required = true) Sector sector,
        @Schema(required = true, examples = "食品") String sectorZh,
        @Schema(required = true, nullable = true, description = "Region prefix of the population; null: everywhere", examples = "659001")
        String region,
        @Schema(required = true, description = "Industry sections of the population; empty: every industry", examples = "[\"C\"]")
        List<String> industries,
        @Schema(required = true, description = "Subject types of the population; empty: every type with a USCC") List<SubjectType> subjectTypes,
        @Schema(required = true, examples = "6") int excludeInspectedWithinMonths,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Subjects with an inspection record decided on or after this day were left out; absent when none were",
                examples = "2026-06-04") LocalDate inspectedSince,
        @Schema(required = true, description = "Whether A-grade subjects were left out (\"非请勿扰\"): in every sector but the key ones")
        boolean trustedExempt,
        @Schema(required = true, description = "The day (Beijing time) the population was frozen and the sample drawn", examples = "2026-12-04")
        LocalDate asOf,
        @Schema(required = true, examples = "2026-12-04T10:15:30.123+08:00") OffsetDateTime createdAt,
        @Schema(required = true, description = "The seed of the draw", examples = "2026Q4-food-659001") String seed,
        @Schema(required = true, description = "client: the department chose it; server: the gateway generated it",
                enumeration = {"client", "server"}) String seedSource,
        @Schema(required = true, description = "How the sample was drawn; docs/capabilities/sampling.md gives it in full",
                examples = "hmac-sha256-rank-v1") String algorithm,
        @Schema(required = true, nullable = true, description = "The scoring model whose sampling ratios sized the grades the plan did "
                + "not size", examples = "2026.1") String modelVersion,
        @Schema(required = true, description = "SHA-256 (hex) of the population as UTF-8 lines `uscc,grade\\n` in USCC order",
                examples = "5d41402abc4b2a76b9719d911017c592e3b0c44298fc1c149afbf4c8996fb924") String populationSha256,
        @Schema(required = true, examples = "1184") int populationSize,
        @Schema(required = true) Excluded excluded,
        @Schema(required = true, description = "Population and sample per grade, A to D") List<GradeSample> grades,
        @Schema(required = true, examples = "57") int sampleSize,
        @Schema(required = true, description = "Sampled subjects whose result has been reported", examples = "12") int reported) {

    /** Subjects that matched the filter and were left out, by reason. */
    @Schema(name = "InspectionPlanExclusions")
    public record Excluded(
            @Schema(required = true, description = "Inspected within excludeInspectedWithinMonths", examples = "31") int recentlyInspected,
            @Schema(required = true, description = "A-grade subjects left alone (\"非请勿扰\")", examples = "0") int trustedExempt) {
    }

    /** One grade of the plan: how many there were and how many were drawn. */
    @Schema(name = "InspectionPlanGrade")
    public record GradeSample(
            @Schema(required = true, enumeration = {"A", "B", "C", "D"}) Grade grade,
            @Schema(required = true, examples = "中") String gradeZh,
            @Schema(required = true, description = "Members of the population with this grade", examples = "240") int population,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The ratio applied; absent when a size was asked for", examples = "0.1") BigDecimal ratio,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The size asked for; absent when a ratio applied", examples = "10") Integer size,
            @Schema(required = true, description = "plan: the plan sized the grade; model: the model's sampling ratio",
                    enumeration = {"plan", "model"}) String source,
            @Schema(required = true, description = "Subjects drawn: size, or ceil(ratio × population), at most the population",
                    examples = "24") int drawn) {
    }
}
