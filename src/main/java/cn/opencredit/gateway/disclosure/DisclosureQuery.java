package cn.opencredit.gateway.disclosure;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.sql.RegionPrefix;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.ApiCode;

/**
 * The filters of the disclosure listing, all optional and combined with AND.
 *
 * @param department   the source department's USCC
 * @param regionPrefix 2 (province), 4 (prefecture) or 6 (county) digits of the subject's region code
 * @param from         first decision date, inclusive
 * @param to           last decision date, inclusive
 */
record DisclosureQuery(Optional<DisclosureCategory> category, Optional<String> department, Optional<RegionPrefix> regionPrefix,
        Optional<LocalDate> from, Optional<LocalDate> to) {

    /** Reads the query parameters; every invalid one is named in a single 400 problem (an invalid USCC in its own). */
    static DisclosureQuery parse(String category, String department, String region, String from, String to) {
        Optional<String> departmentUscc = normalise(department).map(raw -> Uscc.parse(raw, "department").value());
        List<FieldError> errors = new ArrayList<>();
        Optional<DisclosureCategory> wanted = Optional.empty();
        try {
            wanted = normalise(category).map(raw -> ApiCode.parse(DisclosureCategory.class, raw, "category"));
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        Optional<RegionPrefix> regionPrefix = Optional.empty();
        try {
            regionPrefix = RegionPrefix.parse(region);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        Optional<LocalDate> first = date(from, "from", errors);
        Optional<LocalDate> last = date(to, "to", errors);
        if (first.isPresent() && last.isPresent() && first.get().isAfter(last.get())) {
            errors.add(new FieldError("from", "after-to", "from must not be after to", "a date on or before " + last.get()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, errors.stream().map(FieldError::message).reduce((a, b) -> a + "; " + b)
                    .orElseThrow(), errors);
        }
        return new DisclosureQuery(wanted, departmentUscc, regionPrefix, first, last);
    }

    /** Identifies these filters in cursors, so that a cursor cannot be replayed against others. */
    String fingerprint() {
        return "disclosures|" + category.map(Enum::name).orElse("") + "|" + department.orElse("") + "|" + regionPrefix.map(RegionPrefix::digits).orElse("") + "|"
                + from.map(LocalDate::toString).orElse("") + "|" + to.map(LocalDate::toString).orElse("");
    }

    private static Optional<LocalDate> date(String raw, String field, List<FieldError> errors) {
        Optional<String> value = normalise(raw);
        try {
            return value.map(LocalDate::parse);
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
