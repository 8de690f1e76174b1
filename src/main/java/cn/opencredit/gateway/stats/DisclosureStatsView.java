package cn.opencredit.gateway.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.shared.audit.Counted;

/**
 * 双公示 statistics.
 *
 * @param computedAt when the read models were last recomputed; the figures are as of then
 */
@Schema(name = "DisclosureStatistics", description = "Timeliness of 双公示 per department and black-list share per region")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisclosureStatsView(
        @Schema(description = "When the figures were computed; absent before the first computation") OffsetDateTime computedAt,
        @Schema(description = "The department filter, if any") String department,
        @Schema(description = "First decision date counted, if limited") LocalDate from,
        @Schema(description = "Last decision date counted, if limited") LocalDate to,
        @Schema(required = true) List<DepartmentStats> departments,
        @Schema(required = true, description = "Every region, whatever the filters: list membership is a current state, not a "
                + "count of decisions") List<RegionStats> regions) implements Counted {

    /** The rows of the answer, for the operations log. */
    @Override
    public int itemCount() {
        return departments.size() + regions.size();
    }

    /**
     * @param timed  records that carry a timeliness verdict (the others came before it was computed)
     * @param onTime timed records reported within 7 working days
     */
    @Schema(name = "DepartmentDisclosureStatistics")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DepartmentStats(@Schema(required = true) Department department, @Schema(required = true) long licences,
            @Schema(required = true) long penalties, @Schema(required = true) long timed, @Schema(required = true) long onTime,
            @Schema(required = true) long late,
            @Schema(description = "onTime / timed to four decimals; absent when no record is timed", examples = "0.9532") BigDecimal onTimeRate) {
    }

    @Schema(name = "StatisticsDepartment")
    public record Department(@Schema(examples = "滑县市场监督管理局") String name, @Schema(examples = "11410526MB1C37623U") String uscc) {
    }

    /** @param blackListed subjects with at least one current black-list entry */
    @Schema(name = "RegionBlackListStatistics")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RegionStats(@Schema(required = true, examples = "410526") String regionCode, @Schema(required = true) long subjects,
            @Schema(required = true) long blackListed,
            @Schema(description = "blackListed / subjects to four decimals", examples = "0.0123") BigDecimal blackListedShare) {
    }
}
