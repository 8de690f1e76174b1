package cn.opencredit.gateway.sampling;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Results of inspections of sampled subjects, each reported once. */
@Schema(name = "InspectionResultsRequest")
public record InspectionResultsRequest(
        @Schema(required = true, minItems = 1, maxItems = SamplingForms.MAX_RESULT_ROWS) List<Row> rows) {

    @Schema(name = "InspectionResult")
    public record Row(
            @Schema(required = true, description = "A subject of the plan's sample", examples = "91659001MA00000152") String uscc,
            @Schema(required = true, format = "date", description = "Day of the inspection: not before the plan, not in the future",
                    examples = "2026-12-10") String inspectedOn,
            @Schema(required = true, enumeration = {"passed", "corrected", "failed", "not-found", "no-activity", "refused", "closed"},
                    description = "passed 未发现问题, corrected 发现问题已责令改正, failed 发现问题待后续处理, not-found 通过登记的住所（经营场所）"
                            + "无法联系, no-activity 未发现开展本次抽查涉及的经营活动, refused 不配合检查, closed 已关闭停业或正在组织清算",
                    examples = "corrected") String outcome,
            @Schema(maxLength = SamplingForms.MAX_FINDINGS_LENGTH, description = "What the inspectors found",
                    examples = "冷藏柜温度记录不全，已当场责令改正") String findings,
            @Schema(maxLength = SamplingForms.MAX_DECISION_NUMBER_LENGTH, description = "检查文书号, when there is one",
                    examples = "石市监检〔2026〕031号") String decisionNumber) {
    }
}
