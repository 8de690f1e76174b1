package cn.opencredit.gateway.objection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.record.WorkflowRecord;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;

class ObjectionPoliciesTests {

    private static final String SUBJECT = "91659001MA00000152";
    private static final String DEPARTMENT = "11659001MB0000019Q";

    private static WorkflowRecord record(RecordStatus status, DisclosureLevel level) {
        return new WorkflowRecord(7, 1, SUBJECT, RecordCategory.PENALTY, Severity.GENERAL, status, LocalDate.of(2026, 11, 2),
                LocalDate.of(2027, 11, 2), "石河子市市场监督管理局", DEPARTMENT, level, "行政处罚决定书", "石市监罚〔2026〕1号", "罚款", 0);
    }

    private static ApiClient client(String type, String bound) {
        return new ApiClient(UUID.randomUUID(), UUID.randomUUID(), type + " test", type, java.util.Set.of(), "standard", bound, "test");
    }

    @Test
    void shouldCountTheDeadlineInWorkingDaysAcrossTheSpringFestivalAndItsAdjustedWeekend() throws IOException {
        WorkdayCalendar calendar;
        try (InputStream shipped = getClass().getClassLoader().getResourceAsStream("calendar/cn-workday-calendar.json")) {
            calendar = WorkdayCalendar.parse(shipped, "shipped");
        }
        // Filed Friday 2026-02-13: Saturday the 14th is a working day (调休), the 15th to the 23rd are
        // the holiday, Saturday the 28th is a working day again.
        assertEquals(LocalDate.of(2026, 3, 5), ObjectionPolicies.dueOn(calendar, LocalDate.of(2026, 2, 13), 10));
        assertEquals(LocalDate.of(2026, 2, 14), ObjectionPolicies.dueOn(calendar, LocalDate.of(2026, 2, 13), 1));
    }

    @Test
    void shouldLetTheSubjectDisputeItsOwnRecordsAndThirdPartiesOnlyPublicOnes() {
        WorkflowRecord authorised = record(RecordStatus.PUBLISHED, DisclosureLevel.AUTHORISED);
        assertTrue(ObjectionPolicies.filerPolicy(client("SUBJECT", SUBJECT), authorised).isAllowed());
        assertTrue(ObjectionPolicies.visibleTo(client("SUBJECT", SUBJECT), authorised));
        assertEquals(ObjectionRejection.NOT_YOUR_RECORD,
                ((Verdict.Rejected) ObjectionPolicies.filerPolicy(client("SUBJECT", "91659001MA0000024Y"), authorised)).reason());
        assertFalse(ObjectionPolicies.visibleTo(client("BANK", null), authorised));
        assertTrue(ObjectionPolicies.visibleTo(client("BANK", null), record(RecordStatus.PUBLISHED, DisclosureLevel.PUBLIC)));
        assertFalse(ObjectionPolicies.visibleTo(client("SUBJECT", SUBJECT), record(RecordStatus.PUBLISHED, DisclosureLevel.GOVERNMENT)));
        assertFalse(ObjectionPolicies.filerPolicy(client("APP", null), authorised).isAllowed());
        assertFalse(ObjectionPolicies.filerPolicy(client("DEPARTMENT", DEPARTMENT), authorised).isAllowed());
    }

    @Test
    void shouldDisputeOnlyPublishedOrCorrectedRecordsOnceAtATime() {
        assertTrue(ObjectionPolicies.disputablePolicy(record(RecordStatus.PUBLISHED, DisclosureLevel.PUBLIC)).isAllowed());
        assertTrue(ObjectionPolicies.disputablePolicy(record(RecordStatus.CORRECTED, DisclosureLevel.PUBLIC)).isAllowed());
        for (RecordStatus status : new RecordStatus[] {RecordStatus.DISPUTED, RecordStatus.REPAIRED, RecordStatus.REVOKED}) {
            assertFalse(ObjectionPolicies.disputablePolicy(record(status, DisclosureLevel.PUBLIC)).isAllowed(), status.name());
        }
    }

    @Test
    void shouldLetTheSourceDepartmentOrAnOperatorDecide() {
        assertTrue(ObjectionPolicies.deciderPolicy(client("DEPARTMENT", DEPARTMENT), DEPARTMENT).isAllowed());
        assertTrue(ObjectionPolicies.deciderPolicy(client("OPERATOR", null), DEPARTMENT).isAllowed());
        assertFalse(ObjectionPolicies.deciderPolicy(client("DEPARTMENT", "11659001MB00000274"), DEPARTMENT).isAllowed());
        assertFalse(ObjectionPolicies.deciderPolicy(client("SUBJECT", SUBJECT), DEPARTMENT).isAllowed());
    }

    @Test
    void shouldPutTheRecordWhereEachEndingLeavesIt() {
        assertEquals(RecordStatus.CORRECTED, ObjectionPolicies.recordStatusAfter(ObjectionState.CORRECTED, RecordStatus.PUBLISHED));
        assertEquals(RecordStatus.REVOKED, ObjectionPolicies.recordStatusAfter(ObjectionState.REVOKED, RecordStatus.PUBLISHED));
        assertEquals(RecordStatus.CORRECTED, ObjectionPolicies.recordStatusAfter(ObjectionState.UPHELD, RecordStatus.CORRECTED));
        assertEquals(RecordStatus.PUBLISHED, ObjectionPolicies.recordStatusAfter(ObjectionState.WITHDRAWN, RecordStatus.PUBLISHED));
    }

    @Test
    void shouldRequireACorrectionForTheOutcomeCorrectedOnly() {
        DecisionRequest.Correction content = new DecisionRequest.Correction(null, null, "更正后的内容", null);
        assertTrue(ObjectionPolicies.correctionPolicy(DecisionRequest.Outcome.CORRECTED, content).isAllowed());
        assertFalse(ObjectionPolicies.correctionPolicy(DecisionRequest.Outcome.CORRECTED, null).isAllowed());
        assertFalse(ObjectionPolicies.correctionPolicy(DecisionRequest.Outcome.CORRECTED, new DecisionRequest.Correction(" ", null, null, null))
                .isAllowed());
        assertFalse(ObjectionPolicies.correctionPolicy(DecisionRequest.Outcome.UPHELD, content).isAllowed());
        assertTrue(ObjectionPolicies.correctionPolicy(DecisionRequest.Outcome.REVOKED, null).isAllowed());
    }
}
