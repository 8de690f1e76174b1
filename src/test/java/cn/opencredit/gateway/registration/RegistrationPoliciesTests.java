package cn.opencredit.gateway.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;

class RegistrationPoliciesTests {

    private static final String SUBJECT = "91659001MA00000152";
    private static final String DEPARTMENT = "11659001MB0000019Q";
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private static ApiClient client(String type, String bound) {
        return new ApiClient(UUID.randomUUID(), UUID.randomUUID(), type + " test", type, Set.of(), "standard", bound, "test");
    }

    private static Registration registration(RegistrationState state, int version) {
        Registration registration = new Registration();
        registration.id = 57L;
        registration.subjectUscc = SUBJECT;
        registration.departmentUscc = DEPARTMENT;
        registration.state = state;
        registration.version = version;
        registration.dueOn = LocalDate.of(2026, 12, 18);
        return registration;
    }

    private static List<String> codes(Verdict verdict) {
        return verdict.errors().stream().map(error -> error.field() + ":" + error.code()).toList();
    }

    private static RegistrationRejection reason(Verdict verdict) {
        return (RegistrationRejection) ((Verdict.Rejected) verdict).reason();
    }

    @Test
    void shouldCountTheDeadlineInWorkingDaysAcrossTheSpringFestivalAndItsAdjustedWeekends() throws IOException {
        WorkdayCalendar calendar;
        try (InputStream shipped = getClass().getClassLoader().getResourceAsStream("calendar/cn-workday-calendar.json")) {
            calendar = WorkdayCalendar.parse(shipped, "shipped");
        }
        // Submitted Friday 2026-02-13: Saturday the 14th is a working day (调休), the 15th to the 23rd
        // are the Spring Festival holiday, Saturday the 28th is a working day again.
        assertEquals(LocalDate.of(2026, 3, 5), RegistrationPolicies.dueOn(calendar, LocalDate.of(2026, 2, 13), 10));
        assertEquals(LocalDate.of(2026, 2, 14), RegistrationPolicies.dueOn(calendar, LocalDate.of(2026, 2, 13), 1));
        assertEquals(LocalDate.of(2026, 2, 24), RegistrationPolicies.dueOn(calendar, LocalDate.of(2026, 2, 14), 1), "the holiday is skipped");
    }

    @Test
    void shouldCallASubmittedItemOverdueOnlyAfterItsDueDay() {
        Registration submitted = registration(RegistrationState.SUBMITTED, 0);
        assertFalse(RegistrationPolicies.overdue(submitted, LocalDate.of(2026, 12, 18)));
        assertTrue(RegistrationPolicies.overdue(submitted, LocalDate.of(2026, 12, 19)));
        assertFalse(RegistrationPolicies.overdue(registration(RegistrationState.VERIFIED, 1), LocalDate.of(2026, 12, 19)));
    }

    @Test
    void shouldLetASubjectRegisterForItselfOnlyAndOperatorsForAnyone() {
        assertTrue(RegistrationPolicies.submitterPolicy(client("SUBJECT", SUBJECT), SUBJECT).isAllowed());
        assertTrue(RegistrationPolicies.submitterPolicy(client("OPERATOR", null), SUBJECT).isAllowed());
        Verdict other = RegistrationPolicies.submitterPolicy(client("SUBJECT", "91659001MA0000024Y"), SUBJECT);
        assertEquals(RegistrationRejection.NOT_YOUR_USCC, reason(other));
        assertEquals(List.of("subjectUscc:not-your-uscc"), codes(other));
        assertEquals(RegistrationRejection.NOT_A_SUBMITTER, reason(RegistrationPolicies.submitterPolicy(client("APP", null), SUBJECT)));
        assertEquals(RegistrationRejection.NOT_A_SUBMITTER, reason(RegistrationPolicies.submitterPolicy(client("DEPARTMENT", DEPARTMENT),
                SUBJECT)));
    }

    @Test
    void shouldTakeEveryCategorysFieldsAndStoreThemNormalised() {
        Map<String, Object> qualification = new LinkedHashMap<>(Map.of("certificateName", " 食品经营许可证 ", "certificateNumber", "JY1659",
                "issuingAuthority", "石河子市市场监督管理局", "validFrom", "2024-03-01", "validUntil", "2029-02-28"));
        RegistrationPolicies.CheckedFields checked = RegistrationPolicies.fieldsPolicy(RegistrationCategory.QUALIFICATION, qualification, TODAY);
        assertTrue(checked.verdict().isAllowed(), checked.verdict().toString());
        assertEquals("食品经营许可证", checked.fields().get("certificateName"));
        assertEquals(List.of("certificateName", "certificateNumber", "issuingAuthority", "validFrom", "validUntil"),
                List.copyOf(checked.fields().keySet()), "in the category's order");

        RegistrationPolicies.CheckedFields operations = RegistrationPolicies.fieldsPolicy(RegistrationCategory.OPERATIONS,
                Map.of("year", 2025, "revenue", "12000000", "employees", 86), TODAY);
        assertTrue(operations.verdict().isAllowed());
        assertEquals("12000000.00", operations.fields().get("revenue"));
        assertEquals(86L, operations.fields().get("employees"));

        assertTrue(RegistrationPolicies.fieldsPolicy(RegistrationCategory.CONTRACT_PERFORMANCE, Map.of("counterparty", "新疆天业（集团）有限公司",
                "counterpartyUscc", "91659001MA00000152", "contractName", "运输合同", "amount", "1260000.5", "signedOn", "2026-01-08",
                "performedOn", "2026-11-30"), TODAY).verdict().isAllowed());
        assertTrue(RegistrationPolicies.fieldsPolicy(RegistrationCategory.PUBLIC_WELFARE, Map.of("activity", "捐资助学", "date", "2026-09-01",
                "amount", "50000.00"), TODAY).verdict().isAllowed());
        assertTrue(RegistrationPolicies.fieldsPolicy(RegistrationCategory.HONOUR, Map.of("title", "自治区守合同重信用企业", "awardedBy",
                "新疆维吾尔自治区市场监督管理局", "awardedOn", "2026-06-30"), TODAY).verdict().isAllowed());
    }

    @Test
    void shouldNameEveryBadFieldAtOnce() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("certificateName", "食品经营许可证");
        fields.put("issuingAuthority", 42);
        fields.put("validFrom", "2024-02-30");
        fields.put("colour", "red");
        Verdict verdict = RegistrationPolicies.fieldsPolicy(RegistrationCategory.QUALIFICATION, fields, TODAY).verdict();
        assertEquals(List.of("fields.colour:unknown-field", "fields.certificateNumber:required", "fields.issuingAuthority:invalid",
                "fields.validFrom:invalid"), codes(verdict));
        assertEquals(List.of("fields:required"), codes(RegistrationPolicies.fieldsPolicy(RegistrationCategory.OPERATIONS,
                Map.of("year", 2025), TODAY).verdict()), "an operations item gives a figure");
        assertEquals(List.of("fields.revenue:invalid"), codes(RegistrationPolicies.fieldsPolicy(RegistrationCategory.OPERATIONS,
                Map.of("year", 2025, "revenue", 12000000), TODAY).verdict()), "amounts are decimal strings, and only that is said");
    }

    @Test
    void shouldRefuseDatesThatCannotBeAndFiguresOutOfRange() {
        assertEquals(List.of("fields.performedOn:in-the-future"), codes(RegistrationPolicies.fieldsPolicy(RegistrationCategory.CONTRACT_PERFORMANCE,
                Map.of("counterparty", "甲", "contractName", "乙", "amount", "1.00", "performedOn", "2026-12-05"), TODAY).verdict()));
        assertEquals(List.of("fields.performedOn:before-start"), codes(RegistrationPolicies.fieldsPolicy(RegistrationCategory.CONTRACT_PERFORMANCE,
                Map.of("counterparty", "甲", "contractName", "乙", "amount", "1.00", "signedOn", "2026-05-01", "performedOn", "2026-04-30"),
                TODAY).verdict()));
        Map<String, Object> expired = Map.of("certificateName", "a", "certificateNumber", "b", "issuingAuthority", "c", "validFrom",
                "2020-01-01", "validUntil", "2026-12-03");
        assertEquals(List.of("fields.validUntil:expired"), codes(RegistrationPolicies.fieldsPolicy(RegistrationCategory.QUALIFICATION, expired,
                TODAY).verdict()));
        Map<String, Object> reversed = Map.of("certificateName", "a", "certificateNumber", "b", "issuingAuthority", "c", "validFrom",
                "2027-01-01", "validUntil", "2026-12-31");
        assertEquals(List.of("fields.validUntil:before-start"), codes(RegistrationPolicies.fieldsPolicy(RegistrationCategory.QUALIFICATION,
                reversed, TODAY).verdict()));
        assertEquals(List.of("fields.year:invalid", "fields.employees:invalid", "fields.taxPaid:invalid"), codes(RegistrationPolicies.fieldsPolicy(
                RegistrationCategory.OPERATIONS, Map.of("year", 2027, "employees", -1, "taxPaid", "1.005"), TODAY).verdict()));
        assertEquals(List.of("fields.counterpartyUscc:invalid"), codes(RegistrationPolicies.fieldsPolicy(RegistrationCategory.CONTRACT_PERFORMANCE,
                Map.of("counterparty", "甲", "counterpartyUscc", "91659001MA00000153", "contractName", "乙", "amount", "1.00", "performedOn",
                        "2026-11-30"), TODAY).verdict()));
    }

    @Test
    void shouldRequireThePublishedCommitmentAcceptedExplicitly() {
        String published = RegistrationConfig.STANDARD_COMMITMENT;
        assertTrue(RegistrationPolicies.commitmentPolicy(published, true, published).isAllowed());
        assertTrue(RegistrationPolicies.commitmentPolicy("  " + published + "\n", true, published).isAllowed());
        assertEquals(List.of("commitment.accepted:not-accepted"), codes(RegistrationPolicies.commitmentPolicy(published, false, published)));
        assertEquals(List.of("commitment.text:not-the-published-text"), codes(RegistrationPolicies.commitmentPolicy(
                published.replace("真实", "基本真实"), true, published)));
    }

    @Test
    void shouldRouteToTheDepartmentOfTheLongestMatchingRegionPrefix() {
        Map<String, Map<String, String>> routes = Map.of("public-welfare", Map.of("65", "11650000MB0000011T", "6590", "11659000MBRG000556",
                "659001", "11659001MBRG000202"), "qualification", Map.of("659001", DEPARTMENT));
        assertEquals(Optional.of("11659001MBRG000202"), RegistrationPolicies.departmentFor(routes, RegistrationCategory.PUBLIC_WELFARE, "659001"));
        assertEquals(Optional.of("11659000MBRG000556"), RegistrationPolicies.departmentFor(routes, RegistrationCategory.PUBLIC_WELFARE, "659002"));
        assertEquals(Optional.of("11650000MB0000011T"), RegistrationPolicies.departmentFor(routes, RegistrationCategory.PUBLIC_WELFARE, "650102"));
        assertEquals(Optional.empty(), RegistrationPolicies.departmentFor(routes, RegistrationCategory.QUALIFICATION, "659002"));
        assertEquals(Optional.empty(), RegistrationPolicies.departmentFor(routes, RegistrationCategory.HONOUR, "659001"));
        Verdict unrouted = RegistrationPolicies.routedPolicy(Optional.empty(), RegistrationCategory.HONOUR, "410526");
        assertEquals(List.of("category:no-department"), codes(unrouted));
    }

    @Test
    void shouldRefuseToStartWithRoutesThatCannotWork() {
        assertEquals(List.of(), RegistrationPolicies.configFaults(10, "承诺", Map.of("honour", Map.of("659001", DEPARTMENT))));
        List<String> faults = RegistrationPolicies.configFaults(0, " ", Map.of("honours", Map.of("65900x", "11659001MB0000019X")));
        assertEquals(5, faults.size(), faults.toString());
    }

    @Test
    void shouldLetTheRoutedDepartmentOrAnOperatorDecide() {
        assertTrue(RegistrationPolicies.deciderPolicy(client("DEPARTMENT", DEPARTMENT), DEPARTMENT).isAllowed());
        assertTrue(RegistrationPolicies.deciderPolicy(client("OPERATOR", null), DEPARTMENT).isAllowed());
        assertEquals(RegistrationRejection.OTHER_DEPARTMENT, reason(RegistrationPolicies.deciderPolicy(client("DEPARTMENT", "11659001MBRG000127"),
                DEPARTMENT)));
        assertFalse(RegistrationPolicies.deciderPolicy(client("DEPARTMENT", null), DEPARTMENT).isAllowed());
        assertFalse(RegistrationPolicies.deciderPolicy(client("SUBJECT", SUBJECT), DEPARTMENT).isAllowed());
    }

    @Test
    void shouldLetTheSubjectWithdrawAndItsPartiesRead() {
        assertTrue(RegistrationPolicies.withdrawerPolicy(client("SUBJECT", SUBJECT), SUBJECT).isAllowed());
        assertTrue(RegistrationPolicies.withdrawerPolicy(client("OPERATOR", null), SUBJECT).isAllowed());
        assertFalse(RegistrationPolicies.withdrawerPolicy(client("SUBJECT", "91659001MA0000024Y"), SUBJECT).isAllowed());
        assertFalse(RegistrationPolicies.withdrawerPolicy(client("DEPARTMENT", DEPARTMENT), SUBJECT).isAllowed());
        Registration item = registration(RegistrationState.SUBMITTED, 0);
        assertTrue(RegistrationPolicies.readerPolicy(client("DEPARTMENT", DEPARTMENT), item).isAllowed());
        assertTrue(RegistrationPolicies.readerPolicy(client("SUBJECT", SUBJECT), item).isAllowed());
        assertEquals(RegistrationRejection.NOT_A_PARTY, reason(RegistrationPolicies.readerPolicy(client("DEPARTMENT", "11659001MBRG000127"),
                item)));
        assertEquals(RegistrationRejection.NOT_A_PARTY, reason(RegistrationPolicies.readerPolicy(client("BANK", null), item)));
        assertFalse(RegistrationPolicies.listerPolicy(client("DEPARTMENT", null)).isAllowed());
        assertTrue(RegistrationPolicies.listerPolicy(client("SUBJECT", SUBJECT)).isAllowed());
    }

    @Test
    void shouldAllowEachTransitionOnlyFromItsStatesAndOnTheVersionRead() {
        assertTrue(RegistrationPolicies.verifiablePolicy(registration(RegistrationState.SUBMITTED, 0), 0).isAllowed());
        assertEquals(List.of("version:stale-version"), codes(RegistrationPolicies.verifiablePolicy(registration(RegistrationState.SUBMITTED, 1), 0)));
        for (RegistrationState state : List.of(RegistrationState.VERIFIED, RegistrationState.REJECTED, RegistrationState.WITHDRAWN,
                RegistrationState.FOUND_FALSE)) {
            assertEquals(RegistrationRejection.NOT_SUBMITTED, reason(RegistrationPolicies.verifiablePolicy(registration(state, 0), 0)), state.name());
        }
        assertTrue(RegistrationPolicies.withdrawablePolicy(registration(RegistrationState.SUBMITTED, 0), 0).isAllowed());
        assertTrue(RegistrationPolicies.withdrawablePolicy(registration(RegistrationState.VERIFIED, 1), 1).isAllowed());
        for (RegistrationState state : List.of(RegistrationState.REJECTED, RegistrationState.WITHDRAWN, RegistrationState.FOUND_FALSE)) {
            assertEquals(RegistrationRejection.NOT_WITHDRAWABLE, reason(RegistrationPolicies.withdrawablePolicy(registration(state, 1), 1)));
        }
        assertTrue(RegistrationPolicies.falsifiablePolicy(registration(RegistrationState.VERIFIED, 1), 1).isAllowed());
        for (RegistrationState state : List.of(RegistrationState.SUBMITTED, RegistrationState.REJECTED, RegistrationState.WITHDRAWN,
                RegistrationState.FOUND_FALSE)) {
            assertEquals(RegistrationRejection.NOT_VERIFIED, reason(RegistrationPolicies.falsifiablePolicy(registration(state, 1), 1)));
        }
        assertEquals(RegistrationRejection.STALE_VERSION, reason(RegistrationPolicies.falsifiablePolicy(registration(RegistrationState.VERIFIED, 2),
                1)));
    }

    @Test
    void shouldRequireAReasonForARejectionOnly() {
        assertEquals(List.of("reason:required"), codes(RegistrationPolicies.reasonPolicy(VerificationRequest.Outcome.REJECTED, " ")));
        assertTrue(RegistrationPolicies.reasonPolicy(VerificationRequest.Outcome.REJECTED, "编号不符").isAllowed());
        assertTrue(RegistrationPolicies.reasonPolicy(VerificationRequest.Outcome.VERIFIED, null).isAllowed());
    }

    @Test
    void shouldNameAndDescribeAnItemInWords() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("year", 2025);
        fields.put("revenue", "12000000.00");
        assertEquals("2025年度经营情况", RegistrationPolicies.title(RegistrationCategory.OPERATIONS, fields));
        assertEquals("年度：2025；营业收入（元）：12000000.00", RegistrationPolicies.content(RegistrationCategory.OPERATIONS, fields));
    }
}
