package cn.opencredit.gateway.creditcheck;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Credit checks per department, scenario and month: how many, what they found, what was applied, and the 应查必查 rate. */
@Schema(name = "CreditCheckStatistics")
public record CreditCheckStatsView(@Schema(required = true, examples = "2026-06") String from, @Schema(required = true, examples = "2026-11") String to,
        @Schema(required = true) List<Row> rows) {

    @Schema(name = "CreditCheckStatisticsRow")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(@Schema(description = "Absent for operators' own checks", examples = "11659001MB0000019Q") String departmentUscc,
            @Schema(required = true) CheckScenario scenario, @Schema(required = true, examples = "2026-11") String month,
            @Schema(required = true, description = "Check requests", examples = "96") long checks,
            @Schema(required = true, description = "Distinct case references checked", examples = "90") long casesChecked,
            @Schema(required = true, description = "Subjects checked", examples = "310") long subjectsChecked,
            @Schema(required = true, description = "Checked subjects with at least one measure", examples = "7") long subjectsWithMeasures,
            @Schema(required = true, description = "Measures that applied, counted per subject", examples = "9") long measuresTriggered,
            @Schema(required = true, description = "Measures reported as applied (联合奖惩案例)", examples = "6") long measuresApplied,
            @Schema(description = "Approvals the department reported for the month; absent when none was reported", examples = "120")
            Long approvals,
            @Schema(description = "casesChecked / approvals, 4 decimals (应查必查率); absent without a reported count", examples = "0.7500")
            String checkRate) {
    }
}
