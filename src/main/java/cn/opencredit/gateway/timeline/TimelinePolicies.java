package cn.opencredit.gateway.timeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;

/** Who may read a subject's timeline; the workflow statistics from it. */
final class TimelinePolicies {

    private TimelinePolicies() {
    }

    /** The subject itself, through a consumer bound to its USCC, and operators. */
    static Verdict readerPolicy(ApiClient caller, String subjectUscc) {
        if (caller != null && (ApiClient.OPERATOR_TYPE.equals(caller.type())
                || (ApiClient.SUBJECT_TYPE.equals(caller.type()) && subjectUscc.equals(caller.boundUscc())))) {
            return Verdict.ALLOWED;
        }
        return Verdict.rejected(TimelineRejection.NOT_YOURS, "A subject's timeline is for the subject itself and operators");
    }

    /**
     * The statistics of the case groups: per workflow, department and month opened, the cases,
     * their states now, how many a department or the platform handled (left their first state; a
     * subject's withdrawal is not handling) and in how many working days on average, how many are
     * still open and how many of those are past the workflow's time limit.
     */
    static List<WorkflowMonth> statistics(List<WorkflowStatsRepository.CaseGroup> groups, Map<Workflow, Integer> limits, WorkdayCalendar calendar,
            LocalDate today) {
        record Key(Workflow workflow, String department, String month) {
        }
        final class Totals {
            long cases;
            final Map<String, Long> outcomes = new TreeMap<>();
            long handled;
            long workingDays;
            long open;
            long overdue;
        }
        Map<Key, Totals> totals = new TreeMap<>(Comparator.comparing((Key k) -> k.workflow()).thenComparing(Key::month)
                .thenComparing(k -> k.department() == null ? "" : k.department()));
        for (WorkflowStatsRepository.CaseGroup group : groups) {
            Totals t = totals.computeIfAbsent(new Key(group.workflow(), group.departmentUscc(), YearMonth.from(group.openedOn()).toString()),
                    ignored -> new Totals());
            t.cases += group.cases();
            t.outcomes.merge(code(group.stateNow()), group.cases(), Long::sum);
            if (group.handledOn() == null) {
                t.open += group.cases();
                Integer limit = limits.get(group.workflow());
                if (limit != null && calendar.workingDayAfter(group.openedOn(), limit).isBefore(today)) {
                    t.overdue += group.cases();
                }
            } else if (!ApiClient.SUBJECT_TYPE.equals(group.handledBy())) {
                t.handled += group.cases();
                t.workingDays += group.cases() * calendar.workingDaysBetween(group.openedOn(), group.handledOn());
            }
        }
        List<WorkflowMonth> months = new ArrayList<>(totals.size());
        totals.forEach((key, t) -> months.add(new WorkflowMonth(key.workflow(), key.department(), key.month(), t.cases, Map.copyOf(t.outcomes),
                t.handled, t.handled == 0 ? null : BigDecimal.valueOf(t.workingDays).divide(BigDecimal.valueOf(t.handled), 1, RoundingMode.HALF_UP),
                t.open, t.overdue)));
        return months;
    }

    static String code(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
