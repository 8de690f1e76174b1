package cn.opencredit.gateway.ingestion;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.PublicationPeriods;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.uscc.UsccValidation;
import cn.opencredit.gateway.shared.uscc.UsccViolation;
import cn.opencredit.gateway.shared.web.ApiCode;
import cn.opencredit.gateway.subject.SubjectType;
import cn.opencredit.gateway.subject.NewSubject;

/**
 * Field-by-field validation of one row into its typed form: required values, formats, lengths,
 * codes and dates, each problem reported (not only the first). Pure, like the policies it applies.
 */
final class RowValidation {

    /** No decision of the People's Republic predates it; an earlier year is a typing error. */
    private static final LocalDate EARLIEST_DECISION = LocalDate.of(1949, 10, 1);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    /** credit_record.amount is numeric(20, 2). */
    private static final int MAX_YUAN_INTEGER_DIGITS = 18;
    private static final int MAX_ID_LENGTH = 200;
    private static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_TITLE_LENGTH = 500;
    private static final int MAX_CONTENT_LENGTH = 4000;
    private static final int MAX_BASIS_LENGTH = 2000;
    private static final int MAX_PERSON_LENGTH = 100;
    static final int MAX_PENALTY_TYPES = 20;
    private static final String DEFAULT_CURRENCY = "CNY";

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern IDENTITY_NUMBER = Pattern.compile("[0-9A-Z()\\-]{4,50}");
    private static final Pattern RESIDENT_ID = Pattern.compile("[1-9]\\d{5}\\d{11}[\\dX]");
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\p{Z}]+");

    private RowValidation() {
    }

    /**
     * Every field of one row, each problem reported (not only the first).
     *
     * @param identityHash the keyed hash of an identity number, or null when no key is configured
     */
    static IngestionPolicies.Checked check(IncomingRow row, IngestionPolicies.Sender sender, LocalDate today, Function<String, byte[]> identityHash) {
        return new RowCheck(row, sender, today, identityHash).run();
    }

    /** Validation of one row; collects every error before answering. */
    private static final class RowCheck {

        private final IncomingRow row;
        private final IngestionRecordRequest in;
        private final IngestionPolicies.Sender sender;
        private final LocalDate today;
        private final Function<String, byte[]> identityHash;
        private final List<FieldError> errors;
        private final List<IngestionReportView.Flag> flags = new ArrayList<>();

        RowCheck(IncomingRow row, IngestionPolicies.Sender sender, LocalDate today, Function<String, byte[]> identityHash) {
            this.row = row;
            this.in = row.fields();
            this.sender = sender;
            this.today = today;
            this.identityHash = identityHash;
            this.errors = new ArrayList<>(row.errors());
        }

        IngestionPolicies.Checked run() {
            String sourceRecordId = text("sourceRecordId", in.sourceRecordId(), MAX_ID_LENGTH, true);
            RecordCategory category = code("category", in.category(), RecordCategory.class, true);
            String departmentUscc = uscc("sourceDepartmentUscc", in.sourceDepartmentUscc(), true);
            if (departmentUscc != null) {
                errors.addAll(IngestionPolicies.ownRecordPolicy(sender, departmentUscc, row.label("sourceDepartmentUscc")).errors());
            }
            String department = text("sourceDepartment", in.sourceDepartment(), MAX_NAME_LENGTH, true);
            String legalRepresentative = text("legalRepresentative", in.legalRepresentative(), MAX_PERSON_LENGTH, false);
            NewSubject subject = subject(departmentUscc, legalRepresentative);
            byte[] legalRepresentativeId = legalRepresentativeId();
            String decisionNumber = text("decisionNumber", in.decisionNumber(), MAX_ID_LENGTH, false);
            String title = text("title", in.title(), MAX_TITLE_LENGTH, true);
            LocalDate decisionDate = date("decisionDate", in.decisionDate(), true);
            LocalDate reportedOn = date("reportedOn", in.reportedOn(), false);
            checkDates(decisionDate, reportedOn);
            String content = longText("content", in.content(), MAX_CONTENT_LENGTH, true);
            String legalBasis = longText("legalBasis", in.legalBasis(), MAX_BASIS_LENGTH, false);
            Severity severity = code("severity", in.severity(), Severity.class, false);
            if (category == RecordCategory.PENALTY && severity == null && isBlank(in.severity())) {
                error("severity", "required", "severity (轻微/一般/严重, minor/general/serious) is required for a penalty");
            }
            List<String> penaltyTypes = penaltyTypes();
            BigDecimal amount = amount("amount", in.amount(), row.amountInTenThousands());
            String currency = amount == null ? null : currency();
            BigDecimal confiscated = amount("confiscatedAmount", row.confiscatedAmount(), row.confiscatedInTenThousands());
            DisclosureLevel level = isBlank(in.disclosureLevel()) ? DisclosureLevel.PUBLIC
                    : code("disclosureLevel", in.disclosureLevel(), DisclosureLevel.class, false);
            LocalDate publishedUntil = date("publishedUntil", in.publishedUntil(), false);
            if (publishedUntil != null && decisionDate != null && publishedUntil.isBefore(decisionDate)) {
                error("publishedUntil", "before-decision", "publication cannot end before the decision date " + decisionDate);
            } else if (decisionDate != null) {
                PublicationPeriods.Window window = PublicationPeriods.window(severity, decisionDate, publishedUntil);
                if (window.capped()) {
                    flags.add(new IngestionReportView.Flag("publication-capped", "publication ends on " + window.until() + ", not "
                            + publishedUntil + ": a " + severity.code() + " failing is published for at most "
                            + PublicationPeriods.longest(severity) + " from its decision (信用修复管理办法)"));
                }
                publishedUntil = window.until();
            }
            String authority = text("issuingAuthority", in.issuingAuthority(), MAX_NAME_LENGTH, false);
            String authorityUscc = uscc("issuingAuthorityUscc", in.issuingAuthorityUscc(), false);
            if (!errors.isEmpty()) {
                return new IngestionPolicies.Checked(null, List.copyOf(errors), List.copyOf(flags));
            }
            Map<String, String> details = new TreeMap<>(row.details());
            if (confiscated != null) {
                details.put("confiscatedAmount", confiscated.toPlainString());
            }
            return new IngestionPolicies.Checked(new AcceptedRow(row.number(), sourceRecordId, category, subject, legalRepresentative, legalRepresentativeId,
                    decisionNumber, title, decisionDate, reportedOn, content, legalBasis, severity, penaltyTypes, amount, currency, level,
                    publishedUntil, authority, authorityUscc, department, departmentUscc, Boolean.TRUE.equals(in.revoked()), details),
                    List.of(), List.copyOf(flags));
        }

        private NewSubject subject(String departmentUscc, String legalRepresentative) {
            String name = text("subjectName", in.subjectName(), MAX_NAME_LENGTH, true);
            Optional<SubjectCategory> category = isBlank(in.subjectCategory()) ? Optional.empty() : SubjectCategory.parse(in.subjectCategory());
            if (isBlank(in.subjectCategory())) {
                error("subjectCategory", "required", "subjectCategory is required");
            } else if (category.isEmpty()) {
                error("subjectCategory", "unknown-value", "must be 法人及非法人组织, 自然人 or 个体工商户",
                        Arrays.stream(SubjectCategory.values()).map(SubjectCategory::label).collect(Collectors.joining(", ")));
            }
            if (category.orElse(null) == SubjectCategory.NATURAL_PERSON) {
                return naturalPerson(name, departmentUscc);
            }
            String uscc = uscc("subjectUscc", in.subjectUscc(), category.isPresent());
            if (name == null || uscc == null || category.isEmpty()) {
                return null;
            }
            SubjectType type = category.get() == SubjectCategory.INDIVIDUAL_BUSINESS ? SubjectType.INDIVIDUAL_BUSINESS : organisationType(uscc);
            return new NewSubject(uscc, null, name, type, uscc.substring(2, 8), legalRepresentative);
        }

        /** Natural persons have no USCC: they are recognised by the keyed hash of their identity number. */
        private NewSubject naturalPerson(String name, String departmentUscc) {
            if (!isBlank(in.subjectUscc())) {
                error("subjectUscc", "not-allowed", "a natural person has no USCC; check subjectCategory");
            }
            String number = identityNumber("subjectIdNumber", in.subjectIdNumber(), true);
            if (number != null && identityHash == null) {
                error("subjectIdNumber", "identity-hashing-unavailable", "records about natural persons cannot be taken: the gateway has no "
                        + "identity hash key configured, and identity numbers are never stored in clear");
                return null;
            }
            if (name == null || number == null || departmentUscc == null) {
                return null;
            }
            String idType = isBlank(in.subjectIdType()) ? "" : in.subjectIdType();
            String region = (idType.isEmpty() || idType.contains("身份证")) && RESIDENT_ID.matcher(number).matches()
                    ? number.substring(0, 6) : departmentUscc.substring(2, 8);
            return new NewSubject(null, identityHash.apply(number), name, SubjectType.NATURAL_PERSON, region, null);
        }

        private byte[] legalRepresentativeId() {
            String number = identityNumber("legalRepresentativeIdNumber", in.legalRepresentativeIdNumber(), false);
            if (number == null) {
                return null;
            }
            if (identityHash == null) {
                flags.add(new IngestionReportView.Flag("identity-number-not-kept", row.label("legalRepresentativeIdNumber")
                        + " was dropped: the gateway has no identity hash key configured"));
                return null;
            }
            return identityHash.apply(number);
        }

        private void checkDates(LocalDate decisionDate, LocalDate reportedOn) {
            if (decisionDate != null && decisionDate.isAfter(today)) {
                error("decisionDate", "in-the-future", "the decision date " + decisionDate + " is in the future");
            }
            if (reportedOn != null && reportedOn.isAfter(today)) {
                error("reportedOn", "in-the-future", "the report date " + reportedOn + " is in the future");
            }
            if (decisionDate != null && reportedOn != null && decisionDate.isAfter(reportedOn)) {
                error("decisionDate", "after-report-date", "the decision date " + decisionDate + " is after the report date " + reportedOn);
            }
        }

        private List<String> penaltyTypes() {
            if (in.penaltyTypes() == null || in.penaltyTypes().isEmpty()) {
                return null;
            }
            if (in.penaltyTypes().size() > MAX_PENALTY_TYPES) {
                error("penaltyTypes", "too-many", "at most " + MAX_PENALTY_TYPES + " penalty types");
                return null;
            }
            List<String> types = new ArrayList<>();
            for (String type : in.penaltyTypes()) {
                if (isBlank(type) || type.strip().length() > MAX_PERSON_LENGTH || hasControl(type)) {
                    error("penaltyTypes", "format", "each penalty type is a short text");
                    return null;
                }
                if (!types.contains(type.strip())) {
                    types.add(type.strip());
                }
            }
            return types;
        }

        /** Exact decimal yuan; 万元 (up to six decimals) times ten thousand. */
        private BigDecimal amount(String field, String raw, boolean inTenThousands) {
            if (isBlank(raw)) {
                return null;
            }
            String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
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

        private String currency() {
            if (isBlank(in.currency())) {
                return DEFAULT_CURRENCY;
            }
            String currency = in.currency().strip().toUpperCase(Locale.ROOT);
            if (!CURRENCY.matcher(currency).matches()) {
                error("currency", "format", "must be an ISO 4217 code such as CNY");
            }
            return currency;
        }

        private String uscc(String field, String raw, boolean required) {
            if (isBlank(raw)) {
                if (required) {
                    error(field, "required", field + " is required");
                }
                return null;
            }
            UsccValidation validation = Uscc.validate(raw);
            for (UsccViolation violation : validation.violations()) {
                errors.add(violation.toFieldError(row.label(field)));
            }
            return validation.isValid() ? validation.normalised() : null;
        }

        private String identityNumber(String field, String raw, boolean required) {
            if (isBlank(raw)) {
                if (required) {
                    error(field, "required", "a natural person's identity number (证件号码) is required");
                }
                return null;
            }
            String number = WHITE_SPACE.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC)).replaceAll("").toUpperCase(Locale.ROOT);
            if (!IDENTITY_NUMBER.matcher(number).matches()) {
                error(field, "format", "is not an identity document number");
                return null;
            }
            return number;
        }

        private LocalDate date(String field, String raw, boolean required) {
            if (isBlank(raw)) {
                if (required) {
                    error(field, "required", field + " is required");
                }
                return null;
            }
            Optional<LocalDate> date = IngestionPolicies.parseDate(raw);
            if (date.isEmpty()) {
                error(field, "format", "must be a date such as 2026-09-30, not " + abbreviate(raw.strip()));
                return null;
            }
            if (date.get().isBefore(EARLIEST_DECISION)) {
                error(field, "out-of-range", "must not be before " + EARLIEST_DECISION);
                return null;
            }
            return date.get();
        }

        private <E extends Enum<E> & ApiCode> E code(String field, String raw, Class<E> type, boolean required) {
            if (isBlank(raw)) {
                if (required) {
                    error(field, "required", field + " is required");
                }
                return null;
            }
            String wanted = raw.strip();
            for (E constant : type.getEnumConstants()) {
                if (constant.code().equalsIgnoreCase(wanted) || constant.name().equalsIgnoreCase(wanted) || chinese(constant, wanted)) {
                    return constant;
                }
            }
            String accepted = Arrays.stream(type.getEnumConstants()).map(ApiCode::code).collect(Collectors.joining(", "));
            error(field, "unknown-value", "must be one of: " + accepted, accepted);
            return null;
        }

        private String text(String field, String raw, int maxLength, boolean required) {
            if (isBlank(raw)) {
                if (required) {
                    error(field, "required", field + " is required");
                }
                return null;
            }
            String text = raw.strip();
            if (hasControl(text)) {
                error(field, "control-character", "must not contain control characters or line breaks");
                return null;
            }
            return lengthChecked(field, text, maxLength);
        }

        private String longText(String field, String raw, int maxLength, boolean required) {
            if (isBlank(raw)) {
                if (required) {
                    error(field, "required", field + " is required");
                }
                return null;
            }
            String text = raw.strip();
            if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                error(field, "control-character", "must not contain control characters");
                return null;
            }
            return lengthChecked(field, text, maxLength);
        }

        private String lengthChecked(String field, String text, int maxLength) {
            if (text.codePointCount(0, text.length()) > maxLength) {
                error(field, "too-long", "must be at most " + maxLength + " characters");
                return null;
            }
            return text;
        }

        private void error(String field, String code, String message) {
            errors.add(new FieldError(row.label(field), code, message));
        }

        private void error(String field, String code, String message, String expected) {
            errors.add(new FieldError(row.label(field), code, message, expected));
        }
    }

    /** Enterprises and others as GB 32100 codes them: the registration authority and the entity type. */
    private static SubjectType organisationType(String uscc) {
        return switch (uscc.substring(0, 2)) {
            case "91" -> SubjectType.ENTERPRISE;
            case "92" -> SubjectType.INDIVIDUAL_BUSINESS;
            case "93" -> SubjectType.FARMERS_COOPERATIVE;
            case "11" -> SubjectType.GOVERNMENT_BODY;
            case "12" -> SubjectType.PUBLIC_INSTITUTION;
            case "51", "52", "53" -> SubjectType.SOCIAL_ORGANISATION;
            default -> SubjectType.OTHER_ORGANISATION;
        };
    }

    private static boolean chinese(Enum<?> constant, String wanted) {
        return switch (constant.name()) {
            case "MINOR" -> "轻微".equals(wanted);
            case "GENERAL" -> "一般".equals(wanted);
            case "SERIOUS" -> "严重".equals(wanted);
            case "PUBLIC" -> "公开".equals(wanted);
            default -> false;
        };
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
