package cn.opencredit.gateway.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.commitment.CommitmentView;
import cn.opencredit.gateway.evaluation.EvaluationView;
import cn.opencredit.gateway.profile.ProfileView;
import cn.opencredit.gateway.record.RecordView;
import cn.opencredit.gateway.timeline.TimelineView;

/**
 * A credit report (信用报告) of one subject as issued: its verification block, then the subject's
 * data at the report time. The answer's exact bytes are what the verification hash covers.
 */
@Schema(name = "CreditReport")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportView(
        @Schema(required = true, examples = "公共信用信息平台") String platform,
        @Schema(required = true, examples = "公共信用信息报告") String title,
        @Schema(required = true) Verification verification,
        @Schema(required = true, description = "Registration data, current list memberships and the list history") ProfileView subject,
        @Schema(description = "The evaluation with its explanation: the summary for the public level, every contribution for the full level; "
                + "absent while the subject has none") EvaluationView evaluation,
        @Schema(required = true, description = "Records by category code, newest first (public level: public records; full: authorised too)")
        Map<String, List<RecordView>> records,
        @Schema(required = true, description = "Credit commitments and what became of them, newest first") List<CommitmentView> commitments,
        @Schema(description = "Full level only: the transitions of the subject's repair applications and objections, newest first")
        List<TimelineView> repairsAndObjections) {

    /** What a third party needs to check the report. */
    @Schema(name = "CreditReportVerification")
    public record Verification(@Schema(required = true, examples = "7KQ4-M2XP-9TRD-H3WB") String code,
            @Schema(required = true) ReportLevel level, @Schema(required = true) OffsetDateTime issuedAt,
            @Schema(required = true) OffsetDateTime validUntil,
            @Schema(required = true, examples = "https://api.opencredit.cn/api/v1/reports/7KQ4-M2XP-9TRD-H3WB/verification") String url) {
    }
}
