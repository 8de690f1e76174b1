package cn.opencredit.gateway.commitment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.shared.web.CheckedPerRow;

/**
 * One commitment as its department reports it. Every value is taken as text and checked row by
 * row, so that one bad value refuses its row only and the report says why.
 */
@Schema(name = "CommitmentRow", description = "One credit commitment a department took in one of its procedures")
@CheckedPerRow
public record CommitmentRowRequest(
        @Schema(required = true, maxLength = 200, description = "The department's own id of the commitment; with the department it "
                + "identifies it, so sending it again updates it (while open) or leaves it unchanged", examples = "SZJ-CN-2026-000317")
        String sourceCommitmentId,
        @Schema(required = true, description = "统一社会信用代码 of the subject that committed; it must be in the register",
                examples = "91659001MA00000152") String subjectUscc,
        @Schema(required = true, description = "notification (告知承诺), deficiency-tolerance (容缺受理), voluntary (主动承诺), "
                + "industry-self-discipline (行业自律) or repair (信用修复承诺); the Chinese names are taken too",
                examples = "deficiency-tolerance") String type,
        @Schema(required = true, maxLength = 200, description = "事项名称: the procedure in which the commitment was made",
                examples = "食品经营许可（新办）") String procedureName,
        @Schema(maxLength = 100, description = "事项编码 of the procedure", examples = "11659001MB0000019Q-XK-0027") String procedureCode,
        @Schema(required = true, maxLength = 4000, description = "What the subject committed to", examples = "承诺于2026年12月18日前补齐"
                + "食品安全管理制度文本，逾期未补齐的，自愿接受撤销许可并记入信用记录") String content,
        @Schema(required = true, format = "date", description = "The day the commitment was made; not in the future",
                examples = "2026-12-04") String madeOn,
        @Schema(format = "date", description = "The last day to fulfil it (China time); required for deficiency-tolerance, and for "
                + "notification with pendingObligations; not before madeOn, and not passed when it is new or moved",
                examples = "2026-12-18") String deadline,
        @Schema(description = "告知承诺: obligations remain to be performed after the decision (a deadline is then required)")
        Boolean pendingObligations,
        @Schema(description = "Operators only (required for them): the department that took the commitment; a department reports as "
                + "itself", examples = "11659001MB0000019Q") String departmentUscc,
        @Schema(maxLength = 200, description = "Operators only (required for them): that department's name",
                examples = "石河子市市场监督管理局") String departmentName) {
}
