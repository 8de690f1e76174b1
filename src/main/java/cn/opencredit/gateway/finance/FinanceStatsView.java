package cn.opencredit.gateway.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.shared.money.Money;

/** 信易贷 statistics: demands, answers and loans with their amounts, in all and by bank, region and month. */
@Schema(name = "FinanceStatistics")
public record FinanceStatsView(
        @Schema(nullable = true, description = "First day counted, if limited") LocalDate from,
        @Schema(nullable = true, description = "Last day counted, if limited") LocalDate to,
        @Schema(required = true) Figures totals,
        @Schema(nullable = true, description = "Median days from a demand's posting to the day its loan was granted; null without a loan",
                examples = "6.5") BigDecimal medianDaysToLoan,
        @Schema(required = true, description = "Answers and loans of each bank") List<BankFigures> byBank,
        @Schema(required = true, description = "By the enterprise's region (6-digit code)") List<RegionFigures> byRegion,
        @Schema(required = true, description = "By month (Beijing time) of the demand, the answer or the loan decision") List<MonthFigures> byMonth) {

    /**
     * Demands count by the day they were posted, answers by the day they were made, outcomes by the
     * day the bank decided.
     */
    @Schema(name = "FinanceFigures")
    public record Figures(
            @Schema(required = true, examples = "42") long demands,
            @Schema(required = true) Money demandedAmount,
            @Schema(required = true, examples = "55") long offers,
            @Schema(required = true, examples = "9") long declines,
            @Schema(required = true, description = "Offers the enterprise accepted", examples = "30") long acceptedOffers,
            @Schema(required = true, examples = "28") long loansGranted,
            @Schema(required = true, examples = "4") long loansRefused,
            @Schema(required = true) Money grantedAmount,
            @Schema(required = true, description = "Granted loans on credit alone (信用, no mortgage or guarantor)", examples = "19")
            long creditLoans,
            @Schema(nullable = true, description = "creditLoans / loansGranted to four decimals; null without a loan", examples = "0.6786")
            BigDecimal creditShare) {
    }

    @Schema(name = "FinanceBankFigures")
    public record BankFigures(@Schema(required = true) UUID bankId, @Schema(required = true, examples = "石河子农商银行") String bankName,
            @Schema(required = true) Figures figures) {
    }

    @Schema(name = "FinanceRegionFigures")
    public record RegionFigures(@Schema(required = true, examples = "659001") String regionCode, @Schema(required = true) Figures figures) {
    }

    @Schema(name = "FinanceMonthFigures")
    public record MonthFigures(@Schema(required = true, examples = "2026-12") String month, @Schema(required = true) Figures figures) {
    }
}
