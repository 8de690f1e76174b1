package cn.opencredit.gateway.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.QueryParameters;

/**
 * The filters of the statistics.
 *
 * @param department the reporting department's USCC
 * @param from       first decision date counted, inclusive
 * @param to         last decision date counted, inclusive
 */
record StatsQuery(Optional<String> department, Optional<LocalDate> from, Optional<LocalDate> to) {

    /** Reads the query parameters; every invalid date is named in one 400 problem, an invalid USCC in its own. */
    static StatsQuery parse(String department, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        Optional<String> departmentUscc = QueryParameters.text(department, "department", errors).map(raw -> Uscc.parse(raw, "department").value());
        Optional<LocalDate> first = QueryParameters.date(from, "from", errors);
        Optional<LocalDate> last = QueryParameters.date(to, "to", errors);
        QueryParameters.ordered(first, "from", last, errors);
        QueryParameters.rejectIfAny(errors);
        return new StatsQuery(departmentUscc, first, last);
    }
}
