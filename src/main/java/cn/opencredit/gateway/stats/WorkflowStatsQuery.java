package cn.opencredit.gateway.stats;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.QueryParameters;
import cn.opencredit.gateway.timeline.Workflow;

/**
 * The filters of the workflow statistics: one workflow (or all), one department (or all), months
 * opened from {@code from} to {@code to}: by default the twelve months up to this one, at most
 * {@value #MAX_MONTHS} months.
 */
record WorkflowStatsQuery(Optional<Workflow> workflow, Optional<String> department, YearMonth from, YearMonth to) {

    static final int MAX_MONTHS = 36;
    static final int DEFAULT_MONTHS = 12;

    /** Every invalid parameter named in one 400 problem; an invalid USCC in its own. */
    static WorkflowStatsQuery parse(String workflow, String department, String from, String to, YearMonth thisMonth) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Workflow> which = QueryParameters.text(workflow, "workflow", errors).flatMap(code -> {
            Optional<Workflow> known = Workflow.SUBJECT_WORKFLOWS.stream().filter(w -> w.code().equals(code)).findFirst();
            if (known.isEmpty()) {
                errors.add(new FieldError("workflow", "unknown", "unknown workflow " + code,
                        Workflow.SUBJECT_WORKFLOWS.stream().map(Workflow::code).collect(Collectors.joining(", "))));
            }
            return known;
        });
        Optional<String> departmentUscc = QueryParameters.text(department, "department", errors).map(raw -> Uscc.parse(raw, "department").value());
        Optional<YearMonth> first = QueryParameters.month(from, "from", errors);
        Optional<YearMonth> last = QueryParameters.month(to, "to", errors);
        YearMonth end = last.orElse(thisMonth);
        YearMonth start = first.orElse(end.minusMonths(DEFAULT_MONTHS - 1L));
        if (errors.isEmpty() && start.isAfter(end)) {
            errors.add(new FieldError("from", "after-to", "from must not be after to"));
        } else if (errors.isEmpty() && start.plusMonths(MAX_MONTHS).isBefore(end.plusMonths(1))) {
            errors.add(new FieldError("from", "too-long", "at most " + MAX_MONTHS + " months at once", Integer.toString(MAX_MONTHS)));
        }
        QueryParameters.rejectIfAny(errors);
        return new WorkflowStatsQuery(which, departmentUscc, start, end);
    }
}
