package cn.opencredit.gateway.shared.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;

/**
 * Query parameters as people type them: full-width characters folded (NFKC), surrounding space
 * dropped, an empty value the same as none. Each reader adds what is wrong to the caller's list of
 * errors, so that one problem names every bad parameter.
 */
public final class QueryParameters {

    /** Dates outside these are typing errors, not credit decisions, and would overflow date arithmetic. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private QueryParameters() {
    }

    /** NFKC-folded and stripped; empty when absent or blank. Control characters are refused. */
    public static Optional<String> text(String raw, String field, List<FieldError> errors) {
        if (raw == null) {
            return Optional.empty();
        }
        String folded = TextInput.fold(raw);
        if (TextInput.hasControlCharacter(folded)) {
            errors.add(new FieldError(field, "control-character", field + " must not contain control characters"));
            return Optional.empty();
        }
        return folded.isEmpty() ? Optional.empty() : Optional.of(folded);
    }

    /** An ISO 8601 calendar date (YYYY-MM-DD) from {@link #EARLIEST_DATE} to {@link #LATEST_DATE}. */
    public static Optional<LocalDate> date(String raw, String field, List<FieldError> errors) {
        Optional<String> value = text(raw, field, errors);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (ISO_DATE.matcher(value.get()).matches()) {
                LocalDate date = LocalDate.parse(value.get());
                if (!date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE)) {
                    return Optional.of(date);
                }
                errors.add(new FieldError(field, "out-of-range", field + " must be a date from " + EARLIEST_DATE + " to " + LATEST_DATE,
                        EARLIEST_DATE + ".." + LATEST_DATE));
                return Optional.empty();
            }
        } catch (DateTimeException e) {
            // reported below like any other malformed date
        }
        errors.add(new FieldError(field, "format", field + " must be an ISO 8601 date such as 2026-09-14", "YYYY-MM-DD"));
        return Optional.empty();
    }

    /** A month (YYYY-MM) in the years of {@link #EARLIEST_DATE} to {@link #LATEST_DATE}. */
    public static Optional<YearMonth> month(String raw, String field, List<FieldError> errors) {
        Optional<String> value = text(raw, field, errors);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (ISO_MONTH.matcher(value.get()).matches()) {
            try {
                YearMonth month = YearMonth.parse(value.get());
                if (!month.isBefore(YearMonth.from(EARLIEST_DATE)) && !month.isAfter(YearMonth.from(LATEST_DATE))) {
                    return Optional.of(month);
                }
                errors.add(new FieldError(field, "out-of-range", field + " must be a month from " + YearMonth.from(EARLIEST_DATE) + " to "
                        + YearMonth.from(LATEST_DATE), YearMonth.from(EARLIEST_DATE) + ".." + YearMonth.from(LATEST_DATE)));
                return Optional.empty();
            } catch (DateTimeException e) {
                // reported below like any other malformed month
            }
        }
        errors.add(new FieldError(field, "format", field + " must be a month such as 2026-09", "YYYY-MM"));
        return Optional.empty();
    }

    /** {@code true} or {@code false}, in any case. */
    public static Optional<Boolean> bool(String raw, String field, List<FieldError> errors) {
        Optional<String> value = text(raw, field, errors);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                errors.add(new FieldError(field, "unknown-value", field + " must be true or false", "true, false"));
                yield Optional.empty();
            }
        };
    }

    /** Throws one 400 problem naming every bad parameter, if there is any. */
    public static void rejectIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER,
                    errors.stream().map(FieldError::message).collect(java.util.stream.Collectors.joining("; ")), errors);
        }
    }

    /** A first date that is not after the last. */
    public static void ordered(Optional<LocalDate> first, String firstField, Optional<LocalDate> last, List<FieldError> errors) {
        if (first.isPresent() && last.isPresent() && first.get().isAfter(last.get())) {
            errors.add(new FieldError(firstField, "after-to", firstField + " must not be after the end of the range",
                    "a date on or before " + last.get()));
        }
    }
}
