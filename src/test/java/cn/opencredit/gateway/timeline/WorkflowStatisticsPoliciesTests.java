package cn.opencredit.gateway.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.shared.time.WorkdayCalendar;
import cn.opencredit.gateway.timeline.WorkflowStatsRepository.CaseGroup;

class WorkflowStatisticsPoliciesTests {

    private static final String DEPARTMENT = "11659001MB1C37623U";
    private static WorkdayCalendar calendar;

    @BeforeAll
    static void shippedCalendar() throws IOException {
        try (InputStream shipped = WorkflowStatisticsPoliciesTests.class.getClassLoader().getResourceAsStream("calendar/cn-workday-calendar.json")) {
            calendar = WorkdayCalendar.parse(shipped, "shipped");
        }
    }

    private static CaseGroup group(Workflow workflow, LocalDate opened, LocalDate handled, String by, String now, long cases) {
        return new CaseGroup(workflow, DEPARTMENT, "SUBMITTED", opened, handled, by, now, cases);
    }

    @Test
    void shouldCountHandlingInWorkingDaysAcrossTheSpringFestivalAndLeaveWithdrawalsOut() {
        // Opened Friday 2026-02-13; decided Thursday 2026-03-05: the 14th (调休) and 24th Feb to 5th Mar are
        // working days, the 15th to the 23rd the holiday: 10 working days. Another decided the next working day: 1.
        List<WorkflowMonth> months = TimelinePolicies.statistics(List.of(
                group(Workflow.OBJECTION, LocalDate.of(2026, 2, 13), LocalDate.of(2026, 3, 5), "DEPARTMENT", "UPHELD", 1),
                group(Workflow.OBJECTION, LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 14), "OPERATOR", "CORRECTED", 3),
                group(Workflow.OBJECTION, LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 24), "SUBJECT", "WITHDRAWN", 2)),
                Map.of(), calendar, LocalDate.of(2026, 12, 5));
        assertEquals(1, months.size());
        WorkflowMonth february = months.getFirst();
        assertEquals(List.of(Workflow.OBJECTION, DEPARTMENT, "2026-02"), List.of(february.workflow(), february.departmentUscc(), february.month()));
        assertEquals(6, february.cases());
        assertEquals(Map.of("upheld", 1L, "corrected", 3L, "withdrawn", 2L), february.outcomes());
        assertEquals(4, february.handled(), "a subject's withdrawal is not handling");
        assertEquals(new BigDecimal("3.3"), february.averageHandlingWorkingDays(), "(10 + 3 × 1) / 4");
        assertEquals(0, february.open());
    }

    @Test
    void shouldCountOpenCasesPastTheTimeLimitAsOverdue() {
        LocalDate today = LocalDate.of(2026, 3, 6);
        List<WorkflowMonth> months = TimelinePolicies.statistics(List.of(
                group(Workflow.REGISTRATION, LocalDate.of(2026, 2, 13), null, null, "SUBMITTED", 2),
                group(Workflow.REGISTRATION, LocalDate.of(2026, 2, 24), null, null, "SUBMITTED", 1),
                group(Workflow.COMMITMENT, LocalDate.of(2026, 2, 13), null, null, "OPEN", 4)),
                Map.of(Workflow.REGISTRATION, 10), calendar, today);
        WorkflowMonth registrations = months.stream().filter(m -> m.workflow() == Workflow.REGISTRATION).findFirst().orElseThrow();
        assertEquals(3, registrations.open());
        assertEquals(2, registrations.overdue(), "due 2026-03-05, before today; the other is due 2026-03-10");
        assertNull(registrations.averageHandlingWorkingDays());
        WorkflowMonth commitments = months.stream().filter(m -> m.workflow() == Workflow.COMMITMENT).findFirst().orElseThrow();
        assertEquals(List.of(4L, 0L), List.of(commitments.open(), commitments.overdue()), "no time limit, never overdue");
    }
}
