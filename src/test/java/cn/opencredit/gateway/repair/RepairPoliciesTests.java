package cn.opencredit.gateway.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.creditlist.ListEntryView;
import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.record.WorkflowRecord;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;

class RepairPoliciesTests {

    private static final String SUBJECT = "91659001MA00000152";
    private static final String DEPARTMENT = "11659001MB0000019Q";
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final Set<RecordCategory> JUDICIAL = Set.of(RecordCategory.JUDICIAL);
    private static final RepairPolicies.Application COMPLETE = new RepairPolicies.Application(true, 1, true);

    private static WorkflowRecord record(RecordCategory category, Severity severity, RecordStatus status, LocalDate decided, LocalDate until) {
        return new WorkflowRecord(7L, 3L, SUBJECT, category, severity, status, decided, until, "石河子市市场监督管理局", DEPARTMENT,
                DisclosureLevel.PUBLIC, "行政处罚决定书", "石市监罚〔2026〕1号", "x", 0);
    }

    private static WorkflowRecord penalty(Severity severity, LocalDate decided) {
        return record(RecordCategory.PENALTY, severity, RecordStatus.PUBLISHED, decided, decided.plusYears(3));
    }

    private static ApiClient client(String type, String bound) {
        return new ApiClient(UUID.randomUUID(), UUID.randomUUID(), type + " test", type, Set.of(), "standard", bound, "test");
    }

    private static RepairPolicies.Ineligible ineligible(RepairPolicies.Eligibility eligibility) {
        return assertInstanceOf(RepairPolicies.Ineligible.class, eligibility);
    }

    private static List<String> codes(RepairPolicies.Ineligible ineligible) {
        return ineligible.errors().stream().map(error -> error.field() + ":" + error.code()).toList();
    }

    @Test
    void shouldLetAMinorFailingBeRepairedAsSoonAsTheObligationsArePerformed() {
        assertInstanceOf(RepairPolicies.Eligible.class, RepairPolicies.eligibility(penalty(Severity.MINOR, TODAY), JUDICIAL, COMPLETE, TODAY));
        RepairPolicies.Ineligible unpaid = ineligible(RepairPolicies.eligibility(penalty(Severity.MINOR, TODAY), JUDICIAL,
                new RepairPolicies.Application(false, 1, true), TODAY));
        assertEquals(List.of("obligationsPerformed:obligations-not-performed"), codes(unpaid));
        assertEquals(TODAY, unpaid.eligibleFrom(), "it could succeed today, once they are");
    }

    @Test
    void shouldRefuseAGeneralFailingBeforeThreeMonthsNamingTheFirstDay() {
        LocalDate decided = LocalDate.of(2026, 11, 20);
        RepairPolicies.Ineligible early = ineligible(RepairPolicies.eligibility(penalty(Severity.GENERAL, decided), JUDICIAL, COMPLETE, TODAY));
        assertEquals(List.of(RepairRejection.TOO_EARLY), early.reasons());
        assertEquals(LocalDate.of(2027, 2, 20), early.eligibleFrom());
        assertInstanceOf(RepairPolicies.Eligible.class, RepairPolicies.eligibility(penalty(Severity.GENERAL, decided), JUDICIAL, COMPLETE,
                LocalDate.of(2027, 2, 20)), "eligible on that very day");
    }

    @Test
    void shouldRefuseASeriousFailingBeforeOneYearAndNameEveryReasonAtOnce() {
        LocalDate decided = LocalDate.of(2026, 3, 1);
        RepairPolicies.Ineligible early = ineligible(RepairPolicies.eligibility(penalty(Severity.SERIOUS, decided), JUDICIAL,
                new RepairPolicies.Application(false, 0, false), TODAY));
        assertEquals(List.of("recordId:too-early", "obligationsPerformed:obligations-not-performed", "evidence:no-evidence",
                "commitment.accepted:no-commitment"), codes(early));
        assertEquals(RepairRejection.TOO_EARLY, early.reasons().getFirst());
        assertEquals(LocalDate.of(2027, 3, 1), early.eligibleFrom());
        assertInstanceOf(RepairPolicies.Eligible.class, RepairPolicies.eligibility(penalty(Severity.SERIOUS, LocalDate.of(2025, 12, 4)),
                JUDICIAL, COMPLETE, TODAY));
    }

    @Test
    void shouldNeverRepairWhatIsNotARepairablePublishedFailing() {
        RepairPolicies.Ineligible licence = ineligible(RepairPolicies.eligibility(record(RecordCategory.LICENCE, null, RecordStatus.PUBLISHED,
                TODAY.minusYears(2), null), JUDICIAL, COMPLETE, TODAY));
        assertEquals(List.of(RepairRejection.NOT_A_FAILING), licence.reasons());
        assertNull(licence.eligibleFrom(), "no day makes it succeed");
        assertEquals(List.of(RepairRejection.NOT_REPAIRABLE), ineligible(RepairPolicies.eligibility(record(RecordCategory.JUDICIAL,
                Severity.SERIOUS, RecordStatus.PUBLISHED, TODAY.minusYears(2), TODAY.plusYears(1)), JUDICIAL, COMPLETE, TODAY)).reasons());
        assertInstanceOf(RepairPolicies.Eligible.class, RepairPolicies.eligibility(record(RecordCategory.JUDICIAL, Severity.SERIOUS,
                RecordStatus.PUBLISHED, TODAY.minusYears(2), TODAY.plusYears(1)), Set.of(), COMPLETE, TODAY), "the categories are configuration");
        assertEquals(List.of(RepairRejection.UNDER_OBJECTION), ineligible(RepairPolicies.eligibility(record(RecordCategory.PENALTY,
                Severity.MINOR, RecordStatus.DISPUTED, TODAY, TODAY.plusMonths(3)), JUDICIAL, COMPLETE, TODAY)).reasons());
        for (RecordStatus ended : List.of(RecordStatus.REPAIRED, RecordStatus.REVOKED, RecordStatus.EXPIRED)) {
            assertEquals(List.of(RepairRejection.NOT_PUBLISHED), ineligible(RepairPolicies.eligibility(record(RecordCategory.PENALTY,
                    Severity.MINOR, ended, TODAY, TODAY.plusMonths(3)), JUDICIAL, COMPLETE, TODAY)).reasons(), ended.name());
        }
        assertEquals(List.of(RepairRejection.NOT_PUBLISHED), ineligible(RepairPolicies.eligibility(record(RecordCategory.PENALTY,
                Severity.GENERAL, RecordStatus.PUBLISHED, TODAY.minusYears(2), TODAY.minusDays(1)), JUDICIAL, COMPLETE, TODAY)).reasons(),
                "past its longest period");
        assertInstanceOf(RepairPolicies.Eligible.class, RepairPolicies.eligibility(record(RecordCategory.PENALTY, Severity.GENERAL,
                RecordStatus.CORRECTED, TODAY.minusMonths(4), TODAY.plusMonths(8)), JUDICIAL, COMPLETE, TODAY), "a corrected record is published");
    }

    @Test
    void shouldLetTheSubjectApplyForItselfOnlyAndOperatorsForAnyone() {
        WorkflowRecord record = penalty(Severity.MINOR, TODAY);
        assertTrue(RepairPolicies.applicantPolicy(client("SUBJECT", SUBJECT), record).isAllowed());
        assertTrue(RepairPolicies.applicantPolicy(client("OPERATOR", null), record).isAllowed());
        assertEquals(RepairRejection.NOT_YOUR_RECORD, ((Verdict.Rejected) RepairPolicies.applicantPolicy(client("SUBJECT", "91659001MA0000024Y"),
                record)).reason());
        for (String type : List.of("APP", "BANK", "CREDIT_AGENCY", "DEPARTMENT")) {
            assertEquals(RepairRejection.NOT_AN_APPLICANT, ((Verdict.Rejected) RepairPolicies.applicantPolicy(client(type, DEPARTMENT), record))
                    .reason(), type);
        }
    }

    @Test
    void shouldLetOnlyTheAuthorityThatMadeTheFindingDecide() {
        assertTrue(RepairPolicies.deciderPolicy(client("DEPARTMENT", DEPARTMENT), DEPARTMENT).isAllowed());
        assertTrue(RepairPolicies.deciderPolicy(client("OPERATOR", null), DEPARTMENT).isAllowed());
        assertFalse(RepairPolicies.deciderPolicy(client("DEPARTMENT", "11659001MBRG000127"), DEPARTMENT).isAllowed());
        assertFalse(RepairPolicies.deciderPolicy(client("DEPARTMENT", null), DEPARTMENT).isAllowed());
        assertFalse(RepairPolicies.deciderPolicy(client("SUBJECT", SUBJECT), DEPARTMENT).isAllowed());
    }

    @Test
    void shouldDecideAnOpenApplicationOnTheVersionRead() {
        RepairApplication application = new RepairApplication();
        application.id = 318L;
        application.state = RepairState.SUBMITTED;
        application.version = 1;
        assertTrue(RepairPolicies.openPolicy(application, 1).isAllowed());
        assertEquals(RepairRejection.STALE_VERSION, ((Verdict.Rejected) RepairPolicies.openPolicy(application, 0)).reason());
        application.state = RepairState.APPROVED;
        assertEquals(RepairRejection.NOT_OPEN, ((Verdict.Rejected) RepairPolicies.openPolicy(application, 1)).reason());
    }

    @Test
    void shouldCountTheTimeLimitsInWorkingDaysAcrossTheSpringFestivalAndItsAdjustedWeekends() throws IOException {
        WorkdayCalendar calendar;
        try (InputStream shipped = getClass().getClassLoader().getResourceAsStream("calendar/cn-workday-calendar.json")) {
            calendar = WorkdayCalendar.parse(shipped, "shipped");
        }
        // Applied Friday 2026-02-13: Saturday the 14th is a working day (调休), the 15th to the 23rd are
        // the Spring Festival holiday, Saturday the 28th is a working day again.
        LocalDate friday = LocalDate.of(2026, 2, 13);
        assertEquals(LocalDate.of(2026, 2, 25), RepairPolicies.dueOn(calendar, friday, 3), "the decision: 14th, 24th, 25th");
        assertEquals(LocalDate.of(2026, 3, 5), RepairPolicies.dueOn(calendar, friday, 10), "the answer, across the second adjusted Saturday");
        assertEquals(LocalDate.of(2026, 2, 26), RepairPolicies.dueOn(calendar, LocalDate.of(2026, 2, 14), 3), "applied on the working Saturday");
        assertEquals(2, RepairPolicies.handlingWorkingDays(calendar, friday, LocalDate.of(2026, 2, 24)), "the holiday does not count");
        assertEquals(0, RepairPolicies.handlingWorkingDays(calendar, friday, friday));

        assertFalse(RepairPolicies.deadlinesEstimated(calendar, friday, LocalDate.of(2026, 3, 5)));
        assertTrue(RepairPolicies.deadlinesEstimated(calendar, LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 11)),
                "2027 is not loaded: counted Monday to Friday, and said so");

        RepairApplication open = new RepairApplication();
        open.state = RepairState.SUBMITTED;
        open.dueOn = LocalDate.of(2026, 2, 25);
        assertFalse(RepairPolicies.overdue(open, LocalDate.of(2026, 2, 25)));
        assertTrue(RepairPolicies.overdue(open, LocalDate.of(2026, 2, 26)));
        open.state = RepairState.APPROVED;
        assertFalse(RepairPolicies.overdue(open, LocalDate.of(2026, 2, 26)), "a decided one is not overdue");
    }

    @Test
    void shouldEndOnlyTheSubjectsCurrentBlackListEntryByTheDecidingAuthority() {
        WorkflowRecord record = penalty(Severity.SERIOUS, TODAY.minusYears(2));
        assertTrue(RepairPolicies.listEntryPolicy(entry(ListType.BLACK, SUBJECT, DEPARTMENT, true), record).isAllowed());
        assertFalse(RepairPolicies.listEntryPolicy(entry(ListType.RED, SUBJECT, DEPARTMENT, true), record).isAllowed());
        assertFalse(RepairPolicies.listEntryPolicy(entry(ListType.BLACK, "91659001MA0000024Y", DEPARTMENT, true), record).isAllowed());
        assertFalse(RepairPolicies.listEntryPolicy(entry(ListType.BLACK, SUBJECT, "11659001MBRG000127", true), record).isAllowed());
        assertFalse(RepairPolicies.listEntryPolicy(entry(ListType.BLACK, SUBJECT, DEPARTMENT, false), record).isAllowed());
    }

    @Test
    void shouldRefuseAnUnworkableConfiguration() {
        assertEquals(List.of(), RepairPolicies.configFaults(3, 10, "承诺"));
        assertEquals(3, RepairPolicies.configFaults(0, -1, " ").size());
        assertEquals(1, RepairPolicies.configFaults(3, 2, "承诺").size());
        assertTrue(RepairPolicies.commitmentTextPolicy(" 承诺 ", "承诺").isAllowed());
        assertFalse(RepairPolicies.commitmentTextPolicy("另一承诺", "承诺").isAllowed());
        assertFalse(RepairPolicies.commitmentTextPolicy(null, "承诺").isAllowed());
    }

    private static ListEntryView entry(ListType type, String subject, String authority, boolean current) {
        return new ListEntryView("2048", type, subject, "石河子测试有限公司", "石河子市市场监督管理局", authority, "x", "x", null,
                OffsetDateTime.parse("2025-01-01T00:00:00+08:00"), null, current, null);
    }
}
