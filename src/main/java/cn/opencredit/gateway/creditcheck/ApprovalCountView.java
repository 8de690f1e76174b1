package cn.opencredit.gateway.creditcheck;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A department's reported count of one month and scenario. */
@Schema(name = "ApprovalCount")
public record ApprovalCountView(@Schema(required = true, examples = "11659001MB0000019Q") String departmentUscc,
        @Schema(required = true) CheckScenario scenario, @Schema(required = true, examples = "2026-11") String month,
        @Schema(required = true, examples = "120") int approvals, @Schema(required = true) OffsetDateTime reportedAt) {
}
