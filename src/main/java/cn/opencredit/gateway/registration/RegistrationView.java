package cn.opencredit.gateway.registration;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.opencredit.gateway.timeline.TimelineView;

/** A registration item with its state, its deadline, the records it made and every transition it went through. */
@Schema(name = "Registration")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationView(
        @Schema(required = true, examples = "57") String id,
        @Schema(required = true, examples = "91659001MA00000152") String subjectUscc,
        @Schema(required = true) RegistrationCategory category,
        @Schema(required = true, description = "What names the item: its certificate, year, contract, activity or honour",
                examples = "食品经营许可证") String title,
        @Schema(required = true, type = SchemaType.OBJECT, description = "The category's fields as stored (amounts with two decimals)")
        Map<String, Object> fields,
        @Schema(required = true) List<UUID> evidence,
        @Schema(required = true, description = "The commitment the subject accepted") String commitmentText,
        @Schema(required = true, description = "The department that verifies the item", examples = "11659001MB0000019Q") String departmentUscc,
        @Schema(required = true, description = "subject or operator", examples = "subject") String submitterType,
        @Schema(required = true) RegistrationState state,
        @Schema(required = true) OffsetDateTime submittedAt,
        @Schema(required = true, description = "The last day for the verification (working days, the shipped calendar)",
                examples = "2026-12-18") LocalDate dueOn,
        @Schema(required = true, description = "Submitted and past its due day") boolean overdue,
        OffsetDateTime decidedAt,
        String decisionReason,
        @Schema(description = "The voluntary credit record a verification published", examples = "1048577") String recordId,
        OffsetDateTime withdrawnAt,
        String withdrawalReason,
        OffsetDateTime foundFalseAt,
        String falsityReason,
        @Schema(description = "The failing record (违反信用承诺) a finding of falsity published", examples = "1048578") String failingRecordId,
        @Schema(required = true, description = "Send it back with a verification, withdrawal or finding; a stale one is 409", examples = "0")
        int version,
        @Schema(description = "Every transition, oldest first; only when one item is read") List<TimelineView> events) {
}
