package cn.opencredit.gateway.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import cn.opencredit.gateway.consent.ConsentCategory;
import cn.opencredit.gateway.finance.PackageView.MonthlyPayment;
import cn.opencredit.gateway.finance.PackageView.PaymentSummary;
import cn.opencredit.gateway.record.DetailedRecord;
import cn.opencredit.gateway.record.PaymentStatus;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordView;
import cn.opencredit.gateway.shared.money.Money;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;

/** The rules of a bank's pull: who pulls, which sections, which records each section carries, and the payment summaries. */
final class PackagePolicies {

    static final String CNY = "CNY";

    private PackagePolicies() {
    }

    /**
     * Banks pull under the subject's consent; operators, who supervise the platform, read a package
     * without one (logged as theirs). Others holding the scope by an operator's choice are refused.
     */
    static Verdict readerPolicy(ApiClient caller) {
        return ApiClient.BANK_TYPE.equals(caller.type()) || ApiClient.OPERATOR_TYPE.equals(caller.type()) ? Verdict.ALLOWED
                : Verdict.rejected(PackageRejection.NOT_A_BANK, "Data packages go to banks under the subject's consent");
    }

    /** The sections asked for, or why not; none asked: everything the consent covers. */
    record Sections(Set<ConsentCategory> asked, Verdict verdict) {
    }

    static Sections sections(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Sections(Set.of(), Verdict.ALLOWED);
        }
        Set<ConsentCategory> asked = EnumSet.noneOf(ConsentCategory.class);
        List<String> unknown = new ArrayList<>();
        for (String code : raw.split(",", -1)) {
            Optional<ConsentCategory> category = Arrays.stream(ConsentCategory.values()).filter(c -> c.code().equals(code.strip())).findFirst();
            category.ifPresentOrElse(asked::add, () -> unknown.add(code.strip()));
        }
        if (!unknown.isEmpty()) {
            String known = Arrays.stream(ConsentCategory.values()).map(ConsentCategory::code).collect(Collectors.joining(", "));
            return new Sections(Set.of(), Verdict.rejected(PackageRejection.UNKNOWN_SECTION, "sections",
                    "unknown section " + String.join(", ", unknown), known));
        }
        return new Sections(asked, Verdict.ALLOWED);
    }

    /** The record categories each section reads; the profile, the evaluation and the lists come from their own capabilities. */
    static Set<RecordCategory> recordCategories(ConsentCategory section) {
        return switch (section) {
            case AUTHORISED_RECORDS -> EnumSet.copyOf(Arrays.stream(RecordCategory.values())
                    .filter(c -> !c.isMonthlyPayment() && c != RecordCategory.TAX_CREDIT_GRADE).toList());
            case TAX -> EnumSet.of(RecordCategory.TAX_PAYMENT, RecordCategory.TAX_CREDIT_GRADE);
            case SOCIAL_INSURANCE -> EnumSet.of(RecordCategory.SOCIAL_INSURANCE);
            case HOUSING_FUND -> EnumSet.of(RecordCategory.HOUSING_FUND);
            case UTILITIES -> EnumSet.of(RecordCategory.UTILITY_PAYMENT);
            case PROFILE, EVALUATION, LISTS, COMMITMENTS -> EnumSet.noneOf(RecordCategory.class);
        };
    }

    /** The records of the authorised-records section by category code, in the order read (newest first). */
    static Map<String, List<RecordView>> byCategory(List<DetailedRecord> records) {
        Map<String, List<RecordView>> grouped = new LinkedHashMap<>();
        Set<RecordCategory> wanted = recordCategories(ConsentCategory.AUTHORISED_RECORDS);
        records.stream().filter(r -> wanted.contains(r.record().category()))
                .forEach(r -> grouped.computeIfAbsent(r.record().category().code(), ignored -> new ArrayList<>()).add(r.record()));
        return grouped;
    }

    /** One category's monthly payments, newest month first. */
    static List<MonthlyPayment> payments(List<DetailedRecord> records, RecordCategory category) {
        return records.stream().filter(r -> r.record().category() == category && r.period() != null && r.paymentStatus() != null)
                .map(r -> new MonthlyPayment(r.period(), r.paymentStatus(), r.record().amount(), r.record().sourceDepartment(), r.record().id(),
                        r.record().title()))
                .sorted((a, b) -> b.period().compareTo(a.period())).toList();
    }

    /**
     * The summary over the {@code window} months up to {@code thisMonth}: a month counts as in
     * arrears when any payment of it is (one utility unpaid is enough); the amount paid sums the
     * paid payments in CNY; the streak counts months back from the newest reported one while every
     * payment of each was paid, and stops at the first month in arrears or without a report.
     */
    static PaymentSummary summary(List<MonthlyPayment> payments, YearMonth thisMonth, int window) {
        YearMonth first = thisMonth.minusMonths(window - 1L);
        TreeMap<YearMonth, Boolean> paidByMonth = new TreeMap<>();
        for (MonthlyPayment payment : payments) {
            paidByMonth.merge(payment.period(), payment.status() == PaymentStatus.PAID, Boolean::logicalAnd);
        }
        Map<YearMonth, Boolean> inWindow = paidByMonth.subMap(first, true, thisMonth, true);
        BigDecimal paid = payments.stream()
                .filter(p -> !p.period().isBefore(first) && !p.period().isAfter(thisMonth) && p.status() == PaymentStatus.PAID
                        && p.amount() != null && CNY.equals(p.amount().currency()))
                .map(p -> new BigDecimal(p.amount().amount())).reduce(BigDecimal::add).orElse(null);
        int streak = 0;
        YearMonth month = paidByMonth.isEmpty() ? null : paidByMonth.lastKey();
        while (month != null && Boolean.TRUE.equals(paidByMonth.get(month))) {
            streak++;
            month = month.minusMonths(1);
        }
        return new PaymentSummary(window, inWindow.size(), (int) inWindow.values().stream().filter(p -> !p).count(), Money.of(paid, CNY),
                paidByMonth.isEmpty() ? null : paidByMonth.lastKey(), streak);
    }
}
