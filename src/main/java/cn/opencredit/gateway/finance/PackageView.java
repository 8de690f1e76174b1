package cn.opencredit.gateway.finance;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.commitment.CommitmentView;
import cn.opencredit.gateway.consent.ConsentCategory;
import cn.opencredit.gateway.consent.ConsentPurpose;
import cn.opencredit.gateway.creditlist.ListStanding;
import cn.opencredit.gateway.evaluation.EvaluationView;
import cn.opencredit.gateway.profile.ProfileView;
import cn.opencredit.gateway.record.PaymentStatus;
import cn.opencredit.gateway.record.RecordView;
import cn.opencredit.gateway.shared.money.Money;

/**
 * What a bank receives in one pull (信易贷): each section the consent covers and the bank asked for,
 * assembled from one reading of the subject's data. Sections outside the consent, or not asked
 * for, are absent.
 */
@Schema(name = "FinancePackage", description = "The data a subject consented to for a loan, in one answer")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackageView(
        @Schema(required = true, examples = "91659001MA00000152") String uscc,
        @Schema(required = true, examples = "石河子恒通物流有限公司") String name,
        @Schema(description = "The consent the data was read under; absent for an operator's supervisory read") ConsentUse consent,
        @Schema(required = true, description = "The sections in this answer") Set<ConsentCategory> sections,
        @Schema(required = true, description = "When the data was read (the answer may come from the cache until the data or the consent changes)")
        OffsetDateTime assembledAt,
        @Schema(description = "profile: registration data, list memberships, the public record summary and the grade (as the public sees it)")
        ProfileView profile,
        @Schema(description = "evaluation: the score and every contribution to it") EvaluationView evaluation,
        @Schema(description = "authorised-records: the records of public and authorised level by category code, newest first (monthly "
                + "payments and the tax credit grade are in their own sections)") Map<String, List<RecordView>> records,
        @Schema(description = "tax: tax credit grades and monthly tax payments") TaxSection tax,
        @Schema(description = "social-insurance: monthly contributions") PaymentSeries socialInsurance,
        @Schema(description = "housing-fund: monthly contributions") PaymentSeries housingFund,
        @Schema(description = "utilities: monthly water, electricity and gas bills") PaymentSeries utilities,
        @Schema(description = "lists: current memberships and the whole list history") ListStanding lists,
        @Schema(description = "commitments: the credit commitments departments reported and what became of them, newest first")
        List<CommitmentView> commitments) {

    /** The consent a pull went under. */
    @Schema(name = "FinancePackageConsent")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentUse(@Schema(required = true, examples = "4711") String id, @Schema(required = true) ConsentPurpose purpose,
            @Schema(required = true) Set<ConsentCategory> categories, @Schema(required = true) OffsetDateTime validUntil) {
    }

    /** 纳税: the tax credit grades the tax authority gave, and the monthly payments. */
    @Schema(name = "FinanceTaxSection")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaxSection(@Schema(required = true, description = "Newest first") List<Rating> creditGrades,
            @Schema(required = true) PaymentSeries payments) {
    }

    /** One tax credit grade (纳税信用等级). */
    @Schema(name = "FinanceRating")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rating(@Schema(required = true, examples = "A") String level, @Schema(required = true) RecordView record) {
    }

    /** Monthly payments of one kind, newest month first, with what a lender looks at first. */
    @Schema(name = "FinancePaymentSeries")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentSeries(@Schema(required = true) List<MonthlyPayment> months, @Schema(required = true) PaymentSummary summary) {
    }

    /** One month's payment as the department reported it. */
    @Schema(name = "FinanceMonthlyPayment")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MonthlyPayment(@Schema(required = true, implementation = String.class, pattern = "^\\d{4}-\\d{2}$", examples = "2026-11")
            YearMonth period, @Schema(required = true) PaymentStatus status, Money amount,
            @Schema(required = true) RecordView.Department sourceDepartment, @Schema(required = true, examples = "1048576") String recordId,
            @Schema(required = true, examples = "2026年11月城镇职工基本养老保险缴费") String title) {
    }

    /**
     * Over the last {@code months} months (this one included): how many were reported, in how many
     * something was in arrears, what was paid, and how many months in a row up to the newest were paid.
     */
    @Schema(name = "FinancePaymentSummary")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentSummary(@Schema(required = true, examples = "12") int months,
            @Schema(required = true, description = "Months with a report in the window", examples = "12") int monthsReported,
            @Schema(required = true, description = "Months in the window with any payment in arrears (欠缴)", examples = "0") int monthsInArrears,
            @Schema(description = "Paid in the window, in CNY; absent when nothing paid carried an amount") Money paid,
            @Schema(implementation = String.class, pattern = "^\\d{4}-\\d{2}$", examples = "2026-11") YearMonth latestPeriod,
            @Schema(required = true, description = "Months in a row, back from the newest reported one, with everything paid", examples = "12")
            int paidStreak) {
    }
}
