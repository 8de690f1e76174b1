package cn.opencredit.gateway.timeline;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One event of a subject's timeline. */
@Schema(name = "TimelineEvent")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineView(
        @Schema(required = true, examples = "9001") String id,
        @Schema(required = true, enumeration = {"registration", "commitment", "repair", "objection", "consent", "finance-featured",
                "finance-demand"}) Workflow workflow,
        @Schema(required = true, description = "The case's id within its workflow", examples = "412") String caseId,
        @Schema(required = true, examples = "decided") String transition,
        @Schema(examples = "filed") String from,
        @Schema(required = true, examples = "upheld") String to,
        @Schema(required = true, description = "Who acted: a consumer type (subject, department, operator …), or system",
                examples = "department") String actor,
        @Schema(description = "The acting department's or subject's USCC", examples = "11659001MB0000019Q") String actorUscc,
        @Schema(examples = "经核实，处罚决定书所载事实无误") String reason,
        @Schema(required = true, examples = "2026-12-04T10:15:30+08:00") OffsetDateTime occurredAt) {
}
