package cn.opencredit.gateway.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.sql.RegionPrefix;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.ApiCode;
import cn.opencredit.gateway.shared.web.QueryParameters;

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
        List<FieldError> errors = new ArrayList<>();
        Optional<String> departmentUscc = QueryParameters.text(department, "department", errors).map(raw -> Uscc.parse(raw, "department").value());
        Optional<DisclosureCategory> wanted = Optional.empty();
        try {
            wanted = QueryParameters.text(category, "category", errors).map(raw -> ApiCode.parse(DisclosureCategory.class, raw, "category"));
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        Optional<RegionPrefix> regionPrefix = Optional.empty();
        try {
            regionPrefix = RegionPrefix.parse(region);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        Optional<LocalDate> first = QueryParameters.date(from, "from", errors);
        Optional<LocalDate> last = QueryParameters.date(to, "to", errors);
        QueryParameters.ordered(first, "from", last, errors);
        QueryParameters.rejectIfAny(errors);
        return new DisclosureQuery(wanted, departmentUscc, regionPrefix, first, last);
    }

    /** Identifies these filters in cursors, so that a cursor cannot be replayed against others. */
    String fingerprint() {
        return "disclosures|" + category.map(Enum::name).orElse("") + "|" + department.orElse("") + "|" + regionPrefix.map(RegionPrefix::digits).orElse("") + "|"
                + from.map(LocalDate::toString).orElse("") + "|" + to.map(LocalDate::toString).orElse("");
    }
}
