package cn.opencredit.gateway.repair;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.shared.audit.Counted;

/** Repairs per deciding authority and month of submission. */
@Schema(name = "RepairStatistics")
public record RepairStatisticsView(@Schema(required = true) List<Row> items) implements Counted {

    @Override
    public int itemCount() {
        return items.size();
    }

    @Schema(name = "RepairStatisticsRow")
    public record Row(
            @Schema(required = true, examples = "11659001MB0000019Q") String departmentUscc,
            @Schema(required = true, description = "Month of submission, China time", examples = "2026-12") String month,
            @Schema(required = true, examples = "14") long submitted,
            @Schema(required = true, examples = "9") long approved,
            @Schema(required = true, examples = "3") long rejected,
            @Schema(required = true, description = "Closed because the record's longest publication period ended first", examples = "0")
            long publicationEnded,
            @Schema(required = true, examples = "2") long open,
            @Schema(required = true, description = "Open past their due day, or decided after it", examples = "1") long overdue,
            @Schema(description = "Average working days from submission to decision, of the decided ones; absent when none is",
                    examples = "2.25") BigDecimal averageHandlingWorkingDays) {
    }
}
