package cn.opencredit.gateway.commitment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.opencredit.gateway.shared.audit.Counted;

/** Fulfilment of credit commitments (践诺率) per type, department and month, as of the moment of the request. */
@Schema(name = "CommitmentStatistics", description = "Commitments made in the range and what became of them, per type, department and month")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommitmentStatsView(
        @Schema(description = "The department filter, if any") String department,
        @Schema(description = "The type filter, if any") CommitmentType type,
        @Schema(description = "First day a commitment was made counted, if limited") LocalDate from,
        @Schema(description = "Last day a commitment was made counted, if limited") LocalDate to,
        @Schema(required = true, description = "Per type") List<Counts> types,
        @Schema(required = true, description = "Per department that took the commitments") List<Counts> departments,
        @Schema(required = true, description = "Per month the commitments were made (YYYY-MM)") List<Counts> months) implements Counted {

    /** The rows of the answer, for the operations log. */
    @Override
    public int itemCount() {
        return types.size() + departments.size() + months.size();
    }

    /**
     * @param fulfilmentRate fulfilled / (fulfilled + breached): of the commitments whose outcome is
     *                       known, the share kept; cancelled and open ones do not count
     */
    @Schema(name = "CommitmentCounts")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Counts(
            @Schema(description = "By type: the type") CommitmentType type,
            @Schema(description = "By department: its USCC", examples = "11659001MB0000019Q") String departmentUscc,
            @Schema(description = "By department: its name", examples = "石河子市市场监督管理局") String departmentName,
            @Schema(description = "By month: YYYY-MM", examples = "2026-12") String month,
            @Schema(required = true) long reported,
            @Schema(required = true) long open,
            @Schema(required = true, description = "Open and past their deadline") long overdue,
            @Schema(required = true) long fulfilled,
            @Schema(required = true) long breached,
            @Schema(required = true, description = "Breached by the platform when a 容缺受理 deadline passed") long breachedAtDeadline,
            @Schema(required = true) long cancelled,
            @Schema(description = "fulfilled / (fulfilled + breached) to four decimals; absent when none has an outcome yet",
                    examples = "0.9167") BigDecimal fulfilmentRate) {
    }
}
