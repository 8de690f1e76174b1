package cn.opencredit.gateway.timeline;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The cases one department had to handle in one workflow, opened in one month, and what became of them. */
@Schema(name = "WorkflowMonth")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowMonth(
        @Schema(required = true) Workflow workflow,
        @Schema(description = "The department answerable for the cases; absent for cases no department answers for",
                examples = "11659001MB1C37623U") String departmentUscc,
        @Schema(required = true, description = "The month the cases were opened (China time)", pattern = "^\\d{4}-\\d{2}$", examples = "2026-11")
        String month,
        @Schema(required = true, examples = "12") long cases,
        @Schema(required = true, description = "Cases by their state now", examples = "{\"verified\": 9, \"rejected\": 2, \"submitted\": 1}")
        Map<String, Long> outcomes,
        @Schema(required = true, description = "Cases a department (or the platform) took out of their first state; a subject's "
                + "withdrawal is not handling", examples = "11") long handled,
        @Schema(description = "Average working days from opening to handling (shipped calendar, 调休 counted); absent when none was handled",
                examples = "3.4") BigDecimal averageHandlingWorkingDays,
        @Schema(required = true, description = "Cases still in their first state", examples = "1") long open,
        @Schema(required = true, description = "Open cases past the workflow's time limit (working days)", examples = "0") long overdue) {
}
