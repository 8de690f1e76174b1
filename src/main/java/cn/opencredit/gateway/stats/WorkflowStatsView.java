package cn.opencredit.gateway.stats;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.timeline.WorkflowMonth;

/** The subject workflows handled per department and month. */
@Schema(name = "WorkflowStatistics")
public record WorkflowStatsView(
        @Schema(required = true, pattern = "^\\d{4}-\\d{2}$", examples = "2026-01") String from,
        @Schema(required = true, pattern = "^\\d{4}-\\d{2}$", examples = "2026-12") String to,
        @Schema(required = true, description = "Per workflow, department and month opened; months without cases are absent") List<WorkflowMonth> months) {
}
