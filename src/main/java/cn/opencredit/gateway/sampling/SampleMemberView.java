package cn.opencredit.gateway.sampling;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.opencredit.gateway.evaluation.Grade;

/** A sampled subject: its grade, where the draw ranked it, and its result once reported. */
@Schema(name = "InspectionPlanSampleMember")
public record SampleMemberView(
        @Schema(required = true, examples = "91659001MA00000152") String uscc,
        @Schema(required = true, description = "The registered name at the draw", examples = "石河子恒通物流有限公司") String name,
        @Schema(required = true, enumeration = {"A", "B", "C", "D"}) Grade grade,
        @Schema(required = true, examples = "良") String gradeZh,
        @Schema(required = true, description = "Position within its grade by the HMAC, 1 first", examples = "3") int rank,
        @Schema(required = true, description = "HMAC-SHA256(key = seed, message = uscc), hex: what ranked it",
                examples = "0a3f5c…") String hmac,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The reported result; absent until then") Result result) {

    @Schema(name = "InspectionPlanResult")
    public record Result(
            @Schema(required = true, examples = "2026-12-10") LocalDate inspectedOn,
            @Schema(required = true) InspectionOutcome outcome,
            @Schema(required = true, examples = "发现问题已责令改正") String outcomeZh,
            @Schema(required = true, nullable = true, examples = "冷藏柜温度记录不全，已当场责令改正") String findings,
            @Schema(required = true, nullable = true, examples = "石市监检〔2026〕031号") String decisionNumber,
            @Schema(required = true, description = "The inspection credit record the result became", examples = "1048577") String recordId,
            @Schema(required = true, examples = "2026-12-10T16:20:00+08:00") OffsetDateTime reportedAt) {
    }
}
