package cn.opencredit.gateway.commitment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.opencredit.gateway.timeline.TimelineView;

/** A credit commitment with its state, its deadline, the record a breach made and every transition it went through. */
@Schema(name = "Commitment")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommitmentView(
        @Schema(required = true, examples = "318") String id,
        @Schema(required = true, examples = "SZJ-CN-2026-000317") String sourceCommitmentId,
        @Schema(required = true, examples = "91659001MA00000152") String subjectUscc,
        @Schema(required = true, description = "The department that took the commitment", examples = "11659001MB0000019Q") String departmentUscc,
        @Schema(required = true, examples = "石河子市市场监督管理局") String departmentName,
        @Schema(required = true) CommitmentType type,
        @Schema(required = true, examples = "食品经营许可（新办）") String procedureName,
        String procedureCode,
        @Schema(required = true) String content,
        @Schema(required = true, examples = "2026-12-04") LocalDate madeOn,
        @Schema(examples = "2026-12-18") LocalDate deadline,
        @Schema(required = true) boolean pendingObligations,
        @Schema(required = true) CommitmentState state,
        @Schema(required = true, description = "Open and past its deadline (China time)") boolean overdue,
        @Schema(required = true) OffsetDateTime reportedAt,
        OffsetDateTime amendedAt,
        @Schema(examples = "2026-12-16") LocalDate fulfilledOn,
        OffsetDateTime decidedAt,
        @Schema(description = "Who reported the outcome: department, operator, or system when the deadline passed",
                examples = "department") String decidedBy,
        String outcomeReason,
        @Schema(description = "The failing record (违反信用承诺) a breach published", examples = "1048590") String failingRecordId,
        @Schema(required = true, description = "Send it back with an outcome; a stale one is 409", examples = "0") int version,
        @Schema(description = "Every transition, oldest first; only when one commitment is read") List<TimelineView> events) {
}
