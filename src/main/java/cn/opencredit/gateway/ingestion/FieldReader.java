package cn.opencredit.gateway.ingestion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.uscc.UsccValidation;
import cn.opencredit.gateway.shared.uscc.UsccViolation;
import cn.opencredit.gateway.shared.web.ApiCode;
import cn.opencredit.gateway.shared.web.TextInput;

/**
 * Reads the fields of one row into typed values: presence, text without control characters,
 * lengths, dates, codes, USCCs, identity numbers and exact amounts. Knows formats, not rules: what
 * a value must be for the record to be taken is {@link IngestionPolicies}'. Every problem is kept,
 * under the name the sender used for the field (a file's column header, or the JSON field), so
 * that one answer lists them all.
 */
final class FieldReader {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    /** credit_record.amount is numeric(20, 2). */
    private static final int MAX_YUAN_INTEGER_DIGITS = 18;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?");

    private final IncomingRow row;
    private final List<FieldError> errors;

    FieldReader(IncomingRow row) {
        this.row = row;
        this.errors = new ArrayList<>(row.errors());
    }

    IncomingRow row() {
        return row;
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Whether {@code field} has a problem already, under the sender's name for it. */
    boolean hasErrorFor(String field) {
        String label = row.label(field);
        return errors.stream().anyMatch(error -> error.field().equals(label));
    }

    /** The sender's name for {@code field}. */
    String label(String field) {
        return row.label(field);
    }

    void error(String field, String code, String message) {
        errors.add(new FieldError(row.label(field), code, message));
    }

    void error(String field, String code, String message, String expected) {
        errors.add(new FieldError(row.label(field), code, message, expected));
    }

    void reject(List<FieldError> rejected) {
        errors.addAll(rejected);
    }

    /** One line of text, stripped. */
    String text(String field, String raw, int maxLength, boolean required) {
        if (absent(field, raw, required)) {
            return null;
        }
        String text = raw.strip();
        if (hasControlCharacter(text, false)) {
            error(field, "control-character", "must not contain control characters or line breaks");
            return null;
        }
        return lengthChecked(field, text, maxLength);
    }

    /** Text that may run over several lines (tabs and line breaks allowed), stripped. */
    String longText(String field, String raw, int maxLength, boolean required) {
        if (absent(field, raw, required)) {
            return null;
        }
        String text = raw.strip();
        if (hasControlCharacter(text, true)) {
            error(field, "control-character", "must not contain control characters");
            return null;
        }
        return lengthChecked(field, text, maxLength);
    }

    /**
     * Whether {@code text} holds a control character; tabs and line breaks count only without {@code linesAllowed}.
     * A plain loop: it runs for every field of every row, where a char stream would allocate each time.
     */
    private static boolean hasControlCharacter(String text, boolean linesAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(linesAllowed && (c == '\n' || c == '\r' || c == '\t'))) {
                return true;
            }
        }
        return false;
    }

    /** Short texts, each stripped, duplicates dropped; null when there are none. */
    List<String> shortTexts(String field, List<String> raw, int maxItems, int maxLength) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.size() > maxItems) {
            error(field, "too-many", "at most " + maxItems + " values");
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (String value : raw) {
            if (isBlank(value) || value.strip().codePointCount(0, value.strip().length()) > maxLength
                    || hasControlCharacter(value, false)) {
                error(field, "format", "each value is a short text of at most " + maxLength + " characters");
                return null;
            }
            if (!texts.contains(value.strip())) {
                texts.add(value.strip());
            }
        }
        return texts;
    }

    /** A calendar date in any of the forms {@link IngestionPolicies#parseDate} reads, not before {@code earliest}. */
    LocalDate date(String field, String raw, boolean required, LocalDate earliest) {
        if (absent(field, raw, required)) {
            return null;
        }
        Optional<LocalDate> date = IngestionPolicies.parseDate(raw);
        if (date.isEmpty()) {
            error(field, "format", "must be a date such as 2026-09-30, not " + abbreviate(raw.strip()));
            return null;
        }
        if (date.get().isBefore(earliest)) {
            error(field, "out-of-range", "must not be before " + earliest);
            return null;
        }
        return date.get();
    }

    /** A calendar month, YYYY-MM (2026-10, 2026年10月), not before {@code earliest} nor after {@code latest}. */
    YearMonth month(String field, String raw, YearMonth earliest, YearMonth latest) {
        if (isBlank(raw)) {
            return null;
        }
        Matcher matcher = MONTH.matcher(TextInput.fold(raw).strip());
        YearMonth month = null;
        if (matcher.matches()) {
            int number = Integer.parseInt(matcher.group(2));
            month = number >= 1 && number <= 12 ? YearMonth.of(Integer.parseInt(matcher.group(1)), number) : null;
        }
        if (month == null) {
            error(field, "format", "must be a month such as 2026-10, not " + abbreviate(raw.strip()));
            return null;
        }
        if (month.isBefore(earliest) || month.isAfter(latest)) {
            error(field, "out-of-range", "must be between " + earliest + " and " + latest);
            return null;
        }
        return month;
    }

    /** A constant of {@code type} by its API code, its name or one of its {@link ApiCode#labels() labels}. */
    <E extends Enum<E> & ApiCode> E code(String field, String raw, Class<E> type, boolean required) {
        if (absent(field, raw, required)) {
            return null;
        }
        String wanted = raw.strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equalsIgnoreCase(wanted) || constant.name().equalsIgnoreCase(wanted) || constant.labels().contains(wanted)) {
                return constant;
            }
        }
        String accepted = Arrays.stream(type.getEnumConstants()).map(ApiCode::code).collect(Collectors.joining(", "));
        error(field, "unknown-value", "must be one of: " + accepted, accepted);
        return null;
    }

    /** A valid USCC, each violated part reported. */
    Uscc uscc(String field, String raw, boolean required) {
        if (absent(field, raw, required)) {
            return null;
        }
        UsccValidation validation = Uscc.validate(raw);
        for (UsccViolation violation : validation.violations()) {
            errors.add(violation.toFieldError(row.label(field)));
        }
        return validation.isValid() ? Uscc.parse(validation.normalised()) : null;
    }

    /** An identity document number, NFKC-folded, without white space, upper case. */
    IdentityNumber identityNumber(String field, String raw, boolean required, String requiredMessage) {
        if (isBlank(raw)) {
            if (required) {
                error(field, "required", requiredMessage);
            }
            return null;
        }
        Optional<IdentityNumber> number = IdentityNumber.read(raw);
        if (number.isEmpty()) {
            error(field, "format", "is not an identity document number");
        }
        return number.orElse(null);
    }

    /** Exact yuan, two decimals: a decimal of yuan, or of 万元 (up to six decimals, 1 fen) times ten thousand. */
    BigDecimal amount(String field, String raw, boolean inTenThousands) {
        if (isBlank(raw)) {
            return null;
        }
        String text = TextInput.fold(raw);
        if (!DECIMAL.matcher(text).matches()) {
            error(field, "format", "must be a decimal number" + (inTenThousands ? " of 万元" : " of yuan") + ", not " + abbreviate(text));
            return null;
        }
        BigDecimal value = new BigDecimal(text);
        if (value.signum() < 0) {
            error(field, "negative", "must not be negative");
            return null;
        }
        int allowedScale = inTenThousands ? 6 : 2;
        if (value.stripTrailingZeros().scale() > allowedScale) {
            error(field, "too-many-decimals", "at most " + allowedScale + " decimals" + (inTenThousands ? " of 万元 (1 fen)" : ""));
            return null;
        }
        BigDecimal yuan = (inTenThousands ? value.multiply(TEN_THOUSAND) : value).setScale(2);
        if (yuan.precision() - yuan.scale() > MAX_YUAN_INTEGER_DIGITS) {
            error(field, "too-large", "is larger than any amount the platform keeps");
            return null;
        }
        return yuan;
    }

    /** An ISO 4217 code, upper case; {@code otherwise} when none is given. */
    String currency(String field, String raw, String otherwise) {
        if (isBlank(raw)) {
            return otherwise;
        }
        String currency = raw.strip().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            error(field, "format", "must be an ISO 4217 code such as CNY");
        }
        return currency;
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Whether there is no value; a missing required one is reported. */
    private boolean absent(String field, String raw, boolean required) {
        if (!isBlank(raw)) {
            return false;
        }
        if (required) {
            error(field, "required", field + " is required");
        }
        return true;
    }

    private String lengthChecked(String field, String text, int maxLength) {
        if (text.codePointCount(0, text.length()) > maxLength) {
            error(field, "too-long", "must be at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
