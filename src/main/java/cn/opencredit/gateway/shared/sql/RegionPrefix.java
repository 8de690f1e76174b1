package cn.opencredit.gateway.shared.sql;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.web.TextInput;

/**
 * A region filter as every listing takes it: 2 (province), 4 (prefecture) or 6 (county) digits of a
 * GB/T 2260 code, matching every region code that starts with them.
 */
public record RegionPrefix(String digits) {

    public static final String FIELD = "region";
    static final String MESSAGE = "region must be 2, 4 or 6 digits of a GB/T 2260 region code";
    private static final Pattern FORMAT = Pattern.compile("\\d{2}|\\d{4}|\\d{6}");

    /** Absent when the parameter is missing or blank; a 400 naming {@code region} when it is malformed. */
    public static Optional<RegionPrefix> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String folded = TextInput.fold(raw);
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        if (!FORMAT.matcher(folded).matches()) {
            throw ProblemException.invalidParameter(FIELD, "format", MESSAGE);
        }
        return Optional.of(new RegionPrefix(folded));
    }

    /**
     * The SQL condition on a "C"-collated region column, binding its values to {@code args}: a
     * county is an equality, a prefix a half-open range, so the btree index serves both whatever
     * plan the prepared statement settles on.
     */
    public String condition(String column, List<Object> args) {
        if (digits.length() == 6) {
            return column + " = " + SqlArgs.bind(args, digits);
        }
        return column + " >= " + SqlArgs.bind(args, digits) + " AND " + column + " < " + SqlArgs.bind(args, SqlArgs.upperBound(digits));
    }
}
