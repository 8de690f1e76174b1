package cn.opencredit.gateway.objection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.opencredit.gateway.timeline.TimelineView;

/** An objection with its state, its deadline and every transition it went through. */
@Schema(name = "Objection")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectionView(
        @Schema(required = true, examples = "412") String id,
        @Schema(required = true, examples = "1048576") String recordId,
        @Schema(required = true, examples = "91659001MA00000152") String subjectUscc,
        @Schema(required = true, description = "The record's source department, which decides", examples = "11659001MB0000019Q")
        String departmentUscc,
        @Schema(required = true, description = "subject, bank, credit-agency or operator", examples = "subject") String filerType,
        @Schema(examples = "91659001MA00000152") String filerUscc,
        @Schema(required = true) String reason,
        @Schema(required = true) List<UUID> evidence,
        @Schema(required = true) ObjectionState state,
        @Schema(required = true) OffsetDateTime filedAt,
        @Schema(required = true, description = "The last day for the decision (working days, the shipped calendar)", examples = "2026-12-18")
        LocalDate dueOn,
        @Schema(required = true, description = "Open past its due day") boolean overdue,
        OffsetDateTime decidedAt,
        String decisionReason,
        @Schema(required = true, description = "Send it back with a decision or withdrawal; a stale one is 409", examples = "0") int version,
        @Schema(description = "Every transition, oldest first; only when one objection is read") List<TimelineView> events) {
}
