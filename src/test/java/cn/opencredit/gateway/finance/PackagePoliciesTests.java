package cn.opencredit.gateway.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.consent.ConsentCategory;
import cn.opencredit.gateway.finance.PackageView.MonthlyPayment;
import cn.opencredit.gateway.finance.PackageView.PaymentSummary;
import cn.opencredit.gateway.record.PaymentStatus;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordView;
import cn.opencredit.gateway.shared.money.Money;
import cn.opencredit.gateway.shared.security.ApiClient;

class PackagePoliciesTests {

    private static final YearMonth NOW = YearMonth.of(2026, 12);
    private static final RecordView.Department WATER = new RecordView.Department("石河子市供水公司", "91659001MA00000001");

    private static MonthlyPayment payment(YearMonth period, PaymentStatus status, String amount, String currency) {
        return new MonthlyPayment(period, status, amount == null ? null : new Money(amount, currency), WATER, "1", "水费");
    }

    @Test
    void shouldCountAMonthInArrearsWhenAnyOfItsPaymentsIsAndSumPaidCnyInTheWindowOnly() {
        List<MonthlyPayment> payments = List.of(
                payment(NOW.minusMonths(1), PaymentStatus.PAID, "100.10", "CNY"),
                payment(NOW.minusMonths(1), PaymentStatus.ARREARS, "50.00", "CNY"),
                payment(NOW.minusMonths(2), PaymentStatus.PAID, "0.05", "CNY"),
                payment(NOW.minusMonths(3), PaymentStatus.PAID, "9.00", "USD"),
                payment(NOW.minusMonths(12), PaymentStatus.PAID, "1000.00", "CNY"));
        PaymentSummary summary = PackagePolicies.summary(payments, NOW, 12);
        assertEquals(3, summary.monthsReported(), "the month twelve months ago is outside a 12-month window ending this month");
        assertEquals(1, summary.monthsInArrears());
        assertEquals(new Money("100.15", "CNY"), summary.paid(), "exact decimals; arrears, other currencies and older months left out");
        assertEquals(NOW.minusMonths(1), summary.latestPeriod());
        assertEquals(0, summary.paidStreak(), "the newest month has an unpaid bill");
    }

    @Test
    void shouldCountThePaidStreakBackFromTheNewestMonthUntilAGapOrArrears() {
        List<MonthlyPayment> payments = List.of(
                payment(NOW.minusMonths(1), PaymentStatus.PAID, "1", "CNY"),
                payment(NOW.minusMonths(2), PaymentStatus.PAID, "1", "CNY"),
                payment(NOW.minusMonths(4), PaymentStatus.PAID, "1", "CNY"));
        assertEquals(2, PackagePolicies.summary(payments, NOW, 12).paidStreak(), "a month without a report ends the streak");
        PaymentSummary none = PackagePolicies.summary(List.of(), NOW, 12);
        assertEquals(List.of(0, 0, 0), List.of(none.monthsReported(), none.monthsInArrears(), none.paidStreak()));
        assertNull(none.paid());
        assertNull(none.latestPeriod());
    }

    @Test
    void shouldReadSectionsByTheirCodesAndNameEveryUnknownOne() {
        assertEquals(Set.of(), PackagePolicies.sections(null).asked());
        assertEquals(Set.of(ConsentCategory.TAX, ConsentCategory.HOUSING_FUND), PackagePolicies.sections("tax, housing-fund").asked());
        PackagePolicies.Sections bad = PackagePolicies.sections("tax,salary,");
        assertFalse(bad.verdict().isAllowed());
        assertEquals("unknown section salary, ", bad.verdict().errors().getFirst().message());
    }

    @Test
    void shouldKeepEachFinanceCategoryInItsOwnSection() {
        Set<RecordCategory> records = PackagePolicies.recordCategories(ConsentCategory.AUTHORISED_RECORDS);
        assertTrue(records.contains(RecordCategory.PENALTY));
        for (RecordCategory monthly : List.of(RecordCategory.TAX_PAYMENT, RecordCategory.SOCIAL_INSURANCE, RecordCategory.HOUSING_FUND,
                RecordCategory.UTILITY_PAYMENT, RecordCategory.TAX_CREDIT_GRADE)) {
            assertFalse(records.contains(monthly), monthly.code());
        }
        assertEquals(Set.of(RecordCategory.TAX_PAYMENT, RecordCategory.TAX_CREDIT_GRADE), PackagePolicies.recordCategories(ConsentCategory.TAX));
    }

    @Test
    void shouldLetBanksAndOperatorsPullAndNobodyElse() {
        assertTrue(PackagePolicies.readerPolicy(caller("BANK")).isAllowed());
        assertTrue(PackagePolicies.readerPolicy(caller("OPERATOR")).isAllowed());
        for (String type : List.of("APP", "CREDIT_AGENCY", "SUBJECT", "DEPARTMENT")) {
            assertFalse(PackagePolicies.readerPolicy(caller(type)).isAllowed(), type);
        }
    }

    private static ApiClient caller(String type) {
        return new ApiClient(UUID.randomUUID(), UUID.randomUUID(), type, type, Set.of("finance:read"), "standard", null, "k");
    }
}
