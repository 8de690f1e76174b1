package cn.opencredit.gateway.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;

/** The commitment rules on their own: rows, resends, outcomes, deadlines in China time, rates. */
class CommitmentPoliciesTests {

    private static final String DEPARTMENT = "11659001MB0000019Q";
    private static final String SUBJECT = "91659001MA00000152";
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final ApiClient MARKET = client(ApiClient.DEPARTMENT_TYPE, DEPARTMENT);
    private static final ApiClient OPERATOR = client(ApiClient.OPERATOR_TYPE, null);

    private static ApiClient client(String type, String uscc) {
        return new ApiClient(UUID.randomUUID(), UUID.randomUUID(), "石河子市市场监督管理局", type, Set.of(), "standard", uscc, "k");
    }

    private static CommitmentRowRequest row(String type, String madeOn, String deadline, Boolean pending) {
        return new CommitmentRowRequest("CN-1", SUBJECT, type, "食品经营许可（新办）", null, "承诺补齐材料", madeOn, deadline, pending, null, null);
    }

    private static List<String> codes(CommitmentPolicies.CheckedRow checked) {
        return checked.errors().stream().map(e -> e.field() + ":" + e.code()).toList();
    }

    @Test
    void shouldTakeAWellFormedRowAsTheReportingDepartments() {
        CommitmentPolicies.CheckedRow checked = CommitmentPolicies.rowPolicy(row("容缺受理", "2026-12-04", "2026-12-18", null), MARKET, TODAY);
        assertTrue(checked.taken());
        assertEquals(CommitmentType.DEFICIENCY_TOLERANCE, checked.row().type());
        assertEquals(DEPARTMENT, checked.row().departmentUscc());
        assertEquals("石河子市市场监督管理局", checked.row().departmentName());
        assertTrue(checked.row().pendingObligations(), "a 容缺受理 commitment always has obligations pending");
    }

    @Test
    void shouldRequireADeadlineForDeficiencyToleranceAndForNotificationWithObligationsPending() {
        assertEquals(List.of("deadline:required"), codes(CommitmentPolicies.rowPolicy(row("deficiency-tolerance", "2026-12-04", null, null),
                MARKET, TODAY)));
        assertEquals(List.of("deadline:required"), codes(CommitmentPolicies.rowPolicy(row("notification", "2026-12-04", null, true), MARKET,
                TODAY)));
        assertTrue(CommitmentPolicies.rowPolicy(row("notification", "2026-12-04", null, false), MARKET, TODAY).taken());
        assertTrue(CommitmentPolicies.rowPolicy(row("voluntary", "2026-12-04", null, null), MARKET, TODAY).taken());
        assertTrue(CommitmentPolicies.rowPolicy(row("notification", "2026-12-04", "2027-03-01", null), MARKET, TODAY).row()
                .pendingObligations(), "a notification commitment with a deadline has something pending");
    }

    @Test
    void shouldNameEveryFaultOfARow() {
        CommitmentRowRequest bad = new CommitmentRowRequest(" ", "123", "promise", "事项", null, "x".repeat(4001), "2026-12-05",
                "2026-11-01", null, "11659001MBRG000127", null);
        assertEquals(List.of("sourceCommitmentId:required", "subjectUscc:length", "type:invalid", "content:invalid",
                "madeOn:in-the-future", "deadline:before-made", "departmentUscc:other-department"), codes(CommitmentPolicies.rowPolicy(bad, MARKET,
                TODAY)));
        assertEquals(List.of("madeOn:invalid"), codes(CommitmentPolicies.rowPolicy(row("voluntary", "2026-02-30", null, null), MARKET, TODAY)));
    }

    @Test
    void shouldMakeOperatorsNameTheDepartment() {
        assertEquals(List.of("departmentUscc:required", "departmentName:required"), codes(CommitmentPolicies.rowPolicy(row("voluntary",
                "2026-12-04", null, null), OPERATOR, TODAY)));
        assertFalse(CommitmentPolicies.reporterPolicy(client(ApiClient.DEPARTMENT_TYPE, null)).isAllowed(), "an unbound department");
        assertFalse(CommitmentPolicies.reporterPolicy(client(ApiClient.SUBJECT_TYPE, SUBJECT)).isAllowed());
        assertFalse(CommitmentPolicies.reporterPolicy(client("BANK", null)).isAllowed());
    }

    @Test
    void shouldRefuseANewOrMovedDeadlineThatHasPassedButKeepAnUnchangedOne() {
        CommitmentPolicies.Row row = CommitmentPolicies.rowPolicy(row("deficiency-tolerance", "2026-11-01", "2026-12-03", null), MARKET, TODAY)
                .row();
        assertEquals("deadline-passed", CommitmentPolicies.deadlinePolicy(row, null, TODAY).map(FieldError::code).orElse(null));
        assertTrue(CommitmentPolicies.deadlinePolicy(row, LocalDate.of(2026, 12, 3), TODAY).isEmpty());
        CommitmentPolicies.Row onTheDay = CommitmentPolicies.rowPolicy(row("deficiency-tolerance", "2026-11-01", "2026-12-04", null), MARKET,
                TODAY).row();
        assertTrue(CommitmentPolicies.deadlinePolicy(onTheDay, null, TODAY).isEmpty(), "the deadline day itself is still open");
    }

    @Test
    void shouldLetAResendChangeOnlyAnOpenCommitmentOfTheSameSubject() {
        CommitmentPolicies.Row row = CommitmentPolicies.rowPolicy(row("voluntary", "2026-12-04", null, null), MARKET, TODAY).row();
        assertEquals("subject-changed", CommitmentPolicies.resendPolicy(row, "91659001MA0000020B", CommitmentState.OPEN, false)
                .map(FieldError::code).orElse(null));
        assertEquals("not-open", CommitmentPolicies.resendPolicy(row, SUBJECT, CommitmentState.FULFILLED, true).map(FieldError::code)
                .orElse(null));
        assertTrue(CommitmentPolicies.resendPolicy(row, SUBJECT, CommitmentState.FULFILLED, false).isEmpty(), "an unchanged resend");
        assertTrue(CommitmentPolicies.resendPolicy(row, SUBJECT, CommitmentState.OPEN, true).isEmpty());
    }

    @Test
    void shouldDecideOnlyAsTheDepartmentOnTheCurrentVersionOfAnOpenCommitment() {
        assertTrue(CommitmentPolicies.deciderPolicy(MARKET, DEPARTMENT).isAllowed());
        assertTrue(CommitmentPolicies.deciderPolicy(OPERATOR, DEPARTMENT).isAllowed());
        assertFalse(CommitmentPolicies.deciderPolicy(client(ApiClient.DEPARTMENT_TYPE, "11659001MBRG000127"), DEPARTMENT).isAllowed());
        assertFalse(CommitmentPolicies.deciderPolicy(client(ApiClient.SUBJECT_TYPE, SUBJECT), DEPARTMENT).isAllowed());
        assertEquals("stale-version", ((cn.opencredit.gateway.shared.problem.Verdict.Rejected) CommitmentPolicies.openPolicy(1,
                CommitmentState.OPEN, 1, 0)).reason().code());
        assertEquals("not-open", ((cn.opencredit.gateway.shared.problem.Verdict.Rejected) CommitmentPolicies.openPolicy(1,
                CommitmentState.BREACHED, 1, 1)).reason().code());
        assertFalse(CommitmentPolicies.reasonPolicy(CommitmentOutcomeRequest.Outcome.BREACHED, " ").isAllowed());
        assertFalse(CommitmentPolicies.reasonPolicy(CommitmentOutcomeRequest.Outcome.CANCELLED, null).isAllowed());
        assertTrue(CommitmentPolicies.reasonPolicy(CommitmentOutcomeRequest.Outcome.FULFILLED, null).isAllowed());
    }

    @Test
    void shouldKeepADeficiencyToleranceCommitmentOnlyWhenFulfilledByItsDeadline() {
        LocalDate made = LocalDate.of(2026, 12, 1);
        LocalDate deadline = LocalDate.of(2026, 12, 18);
        assertTrue(CommitmentPolicies.fulfilmentPolicy(CommitmentType.DEFICIENCY_TOLERANCE, made, deadline, deadline).isAllowed());
        assertFalse(CommitmentPolicies.fulfilmentPolicy(CommitmentType.DEFICIENCY_TOLERANCE, made, deadline, deadline.plusDays(1)).isAllowed());
        assertTrue(CommitmentPolicies.fulfilmentPolicy(CommitmentType.NOTIFICATION, made, deadline, deadline.plusDays(1)).isAllowed(),
                "late, but kept");
        assertFalse(CommitmentPolicies.fulfilmentPolicy(CommitmentType.VOLUNTARY, made, null, made.minusDays(1)).isAllowed());
        assertEquals(TODAY, CommitmentPolicies.fulfilledOnPolicy(CommitmentOutcomeRequest.Outcome.FULFILLED, null, TODAY).on());
        assertEquals(List.of("in-the-future"), CommitmentPolicies.fulfilledOnPolicy(CommitmentOutcomeRequest.Outcome.FULFILLED, "2026-12-05",
                TODAY).verdict().errors().stream().map(FieldError::code).toList());
        assertEquals(List.of("invalid"), CommitmentPolicies.fulfilledOnPolicy(CommitmentOutcomeRequest.Outcome.BREACHED, "2026-12-01", TODAY)
                .verdict().errors().stream().map(FieldError::code).toList(), "a date of fulfilment with a breach");
    }

    @Test
    void shouldBreachADeficiencyToleranceCommitmentOnlyOnceItsDeadlineDayHasEndedInChina() {
        LocalDate deadline = LocalDate.of(2026, 12, 18);
        // 23:59:59 on the deadline day in Beijing is 15:59:59 UTC: still due.
        LocalDate lastSecond = ChinaTime.today(Clock.fixed(Instant.parse("2026-12-18T15:59:59Z"), ZoneOffset.UTC));
        LocalDate midnight = ChinaTime.today(Clock.fixed(Instant.parse("2026-12-18T16:00:00Z"), ZoneOffset.UTC));
        assertFalse(CommitmentPolicies.breachablePolicy(CommitmentType.DEFICIENCY_TOLERANCE, CommitmentState.OPEN, deadline, lastSecond));
        assertTrue(CommitmentPolicies.breachablePolicy(CommitmentType.DEFICIENCY_TOLERANCE, CommitmentState.OPEN, deadline, midnight));
        assertFalse(CommitmentPolicies.breachablePolicy(CommitmentType.NOTIFICATION, CommitmentState.OPEN, deadline, midnight),
                "only 容缺受理 is breached by the platform; a late notification commitment is overdue");
        assertTrue(CommitmentPolicies.overdue(CommitmentState.OPEN, deadline, midnight));
        assertFalse(CommitmentPolicies.breachablePolicy(CommitmentType.DEFICIENCY_TOLERANCE, CommitmentState.FULFILLED, deadline, midnight));
    }

    @Test
    void shouldTakeTheSeverityOfABreachFromTheType() {
        assertEquals(Severity.GENERAL, CommitmentType.NOTIFICATION.breachSeverity());
        assertEquals(Severity.GENERAL, CommitmentType.DEFICIENCY_TOLERANCE.breachSeverity());
        assertEquals(Severity.GENERAL, CommitmentType.REPAIR.breachSeverity());
        assertEquals(Severity.MINOR, CommitmentType.VOLUNTARY.breachSeverity());
        assertEquals(Severity.MINOR, CommitmentType.INDUSTRY_SELF_DISCIPLINE.breachSeverity());
    }

    @Test
    void shouldRateFulfilmentAmongTheCommitmentsWithAnOutcome() {
        assertEquals(new BigDecimal("0.6667"), CommitmentPolicies.fulfilmentRatePolicy(2, 1));
        assertEquals(new BigDecimal("1.0000"), CommitmentPolicies.fulfilmentRatePolicy(3, 0));
        assertNull(CommitmentPolicies.fulfilmentRatePolicy(0, 0));
    }

    @Test
    void shouldTakeABatchOfOneToTheConfiguredRows() {
        assertFalse(CommitmentPolicies.batchSizePolicy(0, 1000).isAllowed());
        assertTrue(CommitmentPolicies.batchSizePolicy(1000, 1000).isAllowed());
        assertEquals(413, ((cn.opencredit.gateway.shared.problem.Verdict.Rejected) CommitmentPolicies.batchSizePolicy(1001, 1000)).reason()
                .problem().status());
    }
}
