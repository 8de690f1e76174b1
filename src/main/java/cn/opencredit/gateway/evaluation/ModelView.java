package cn.opencredit.gateway.evaluation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A stored scoring model: its status, its grade thresholds and, read alone, its document. */
@Schema(name = "EvaluationModel")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelView(
        @Schema(required = true, examples = "2026.1") String version,
        @Schema(required = true, enumeration = {"draft", "published", "retired"}) String status,
        @Schema(required = true, examples = "公共信用综合评价模型（2026版）") String nameZh,
        @Schema(required = true, description = "SHA-256 of the document, hex", examples = "9f2c…") String documentSha256,
        @Schema(required = true, description = "The grade thresholds, best first") List<Band> grades,
        @Schema(required = true, description = "Default 双随机 sampling ratio per grade") Map<String, Double> samplingRatios,
        @Schema(required = true, examples = "2026-12-04T10:00:00+08:00") OffsetDateTime createdAt,
        @Schema(examples = "2026-12-04T11:00:00+08:00") OffsetDateTime publishedAt,
        @Schema(examples = "2027-01-04T11:00:00+08:00") OffsetDateTime retiredAt,
        @Schema(description = "The YAML document; only when one model is read") String document) {

    @Schema(name = "GradeBand")
    public record Band(@Schema(required = true, enumeration = {"A", "B", "C", "D"}) Grade grade,
            @Schema(required = true, examples = "优") String gradeZh,
            @Schema(required = true, examples = "800") int minScore,
            @Schema(required = true, enumeration = {"trusted", "general", "focused", "strict"}) SupervisionClass supervisionClass) {
    }
}
