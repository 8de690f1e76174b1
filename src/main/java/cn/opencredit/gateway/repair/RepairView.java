package cn.opencredit.gateway.repair;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.timeline.TimelineView;

/** A repair application with its state, its time limits and every transition it went through. */
@Schema(name = "RepairApplication")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RepairView(
        @Schema(required = true, examples = "318") String id,
        @Schema(required = true, examples = "1048576") String recordId,
        @Schema(required = true, examples = "91659001MA00000152") String subjectUscc,
        @Schema(required = true, description = "The authority that made the finding, which decides (谁认定、谁修复)",
                examples = "11659001MB0000019Q") String departmentUscc,
        @Schema(required = true, description = "subject or operator (at the service window)", examples = "subject") String applicantType,
        @Schema(required = true) Severity severity,
        @Schema(required = true) String obligations,
        @Schema(required = true) List<UUID> evidence,
        @Schema(required = true, description = "The repair commitment accepted, word for word") String commitmentText,
        @Schema(examples = "2048") String blackListEntryId,
        @Schema(required = true) RepairState state,
        @Schema(required = true) OffsetDateTime submittedAt,
        @Schema(required = true, description = "The last day for the authority's decision (working days, the shipped calendar)",
                examples = "2026-12-09") LocalDate dueOn,
        @Schema(required = true, description = "The last day by which the applicant has its answer", examples = "2026-12-18")
        LocalDate answerBy,
        @Schema(required = true, description = "Open past its due day") boolean overdue,
        @Schema(description = "true when the time limits reach past the years of the loaded working-day calendars: counted Monday to "
                + "Friday, an estimate (load the next year's calendar: opencredit.calendar.extra-files)") Boolean deadlinesEstimated,
        OffsetDateTime decidedAt,
        String decisionReason,
        @Schema(description = "Working days from submission to decision", examples = "2") Integer handlingWorkingDays,
        @Schema(required = true, description = "Send it back with a decision; a stale one is 409", examples = "0") int version,
        @Schema(description = "Every transition, oldest first; only when one application is read") List<TimelineView> events) {
}
