package cn.opencredit.gateway.stats;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.uscc.Uscc;

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
        Optional<String> departmentUscc = normalise(department).map(raw -> Uscc.parse(raw, "department").value());
        List<FieldError> errors = new ArrayList<>();
        Optional<LocalDate> first = date(from, "from", errors);
        Optional<LocalDate> last = date(to, "to", errors);
        if (first.isPresent() && last.isPresent() && first.get().isAfter(last.get())) {
            errors.add(new FieldError("from", "after-to", "from must not be after to", "a date on or before " + last.get()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, errors.stream().map(FieldError::message).collect(Collectors.joining("; ")),
                    errors);
        }
        return new StatsQuery(departmentUscc, first, last);
    }

    private static Optional<LocalDate> date(String raw, String field, List<FieldError> errors) {
        try {
            return normalise(raw).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "format", field + " must be an ISO 8601 date such as 2026-09-14", "YYYY-MM-DD"));
            return Optional.empty();
        }
    }

    private static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        return folded.isEmpty() ? Optional.empty() : Optional.of(folded);
    }
}
