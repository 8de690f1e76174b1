package cn.opencredit.gateway.sampling;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.opencredit.gateway.evaluation.Grade;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.uscc.UsccValidation;
import cn.opencredit.gateway.shared.web.ApiCode;
import cn.opencredit.gateway.shared.web.TextInput;
import cn.opencredit.gateway.subject.SubjectType;

/**
 * Reads a plan request and a results request into their typed forms: presence, lengths, codes,
 * numbers, dates and USCCs, every fault kept under the field's JSON path so that one answer names
 * them all. Knows formats and ranges; who may draw what is {@link SamplingPolicies}'. Pure.
 */
final class SamplingForms {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_SEED_LENGTH = 64;
    static final int MAX_MONTHS = 36;
    /** Far more than any region has subjects; a larger size is a typing error. */
    static final int MAX_SIZE = 10_000_000;
    static final int MAX_LIST_ITEMS = 20;
    static final int MAX_RESULT_ROWS = 1000;
    static final int MAX_FINDINGS_LENGTH = 2000;
    static final int MAX_DECISION_NUMBER_LENGTH = 200;

    private static final Pattern SEED = Pattern.compile("[\\x20-\\x7E]{1," + MAX_SEED_LENGTH + "}");
    private static final Pattern REGION = Pattern.compile("\\d{2}|\\d{4}|\\d{6}");
    private static final Pattern SECTION = Pattern.compile("[A-T]");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private SamplingForms() {
    }

    /** What reading a form made of it: its typed value, or the faults of every field. */
    record Form<T>(T value, Verdict verdict) {
    }

    /** Every field of a plan request, each fault named; a department's plan is its own unless it names another. */
    static Form<PlanSpec> planForm(InspectionPlanRequest request, SamplingPolicies.Caller caller) {
        Faults faults = new Faults();
        String title = faults.line("title", request.title(), MAX_TITLE_LENGTH, true);
        String departmentName = faults.line("departmentName", request.departmentName(), MAX_NAME_LENGTH, true);
        String department = faults.uscc("departmentUscc", request.departmentUscc(), caller.operator());
        if (department == null && !caller.operator() && blank(request.departmentUscc())) {
            department = caller.boundUscc();
        }
        Sector sector = blank(request.sector()) ? Sector.GENERAL : faults.code("sector", request.sector(), Sector.class);
        Optional<String> region = Optional.ofNullable(request.region()).map(String::strip).filter(r -> !r.isEmpty());
        if (region.isPresent() && !REGION.matcher(region.get()).matches()) {
            faults.add(SamplingRejection.FORMAT, "region", "region must be 2, 4 or 6 digits of a GB/T 2260 region code", "659001");
        }
        List<String> industries = faults.industries(request.industries());
        List<SubjectType> types = faults.subjectTypes(request.subjectTypes());
        Integer months = faults.whole("excludeInspectedWithinMonths", request.excludeInspectedWithinMonths(), MAX_MONTHS);
        Map<Grade, PlanSpec.Sizing> sizes = faults.sizes(request.perGrade());
        Optional<String> seed = Optional.ofNullable(request.seed());
        if (seed.isPresent() && !SEED.matcher(seed.get()).matches()) {
            faults.add(SamplingRejection.FORMAT, "seed", "seed must be 1 to " + MAX_SEED_LENGTH + " printable ASCII characters", "[ -~]{1,64}");
        }
        PlanSpec spec = new PlanSpec(title, department, departmentName, sector, region, industries, types, months == null ? 0 : months, sizes,
                seed);
        return new Form<>(spec, faults.verdict());
    }

    /** Every row of a results request, each fault named under {@code rows[i]}. */
    static Form<List<PlanSpec.ResultRow>> resultsForm(InspectionResultsRequest request, LocalDate today, LocalDate planDay) {
        Faults faults = new Faults();
        List<PlanSpec.ResultRow> rows = new ArrayList<>();
        if (request.rows() == null || request.rows().isEmpty()) {
            faults.add(SamplingRejection.REQUIRED, "rows", "rows needs at least one result", null);
            return new Form<>(rows, faults.verdict());
        }
        if (request.rows().size() > MAX_RESULT_ROWS) {
            faults.add(SamplingRejection.OUT_OF_RANGE, "rows", "at most " + MAX_RESULT_ROWS + " results per request", "1.." + MAX_RESULT_ROWS);
            return new Form<>(rows, faults.verdict());
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < request.rows().size(); i++) {
            InspectionResultsRequest.Row row = request.rows().get(i);
            String at = "rows[" + i + "]";
            if (row == null) {
                faults.add(SamplingRejection.REQUIRED, at, "each row is an object", null);
                continue;
            }
            String uscc = faults.uscc(at + ".uscc", row.uscc(), true);
            if (uscc != null) {
                Integer earlier = seen.putIfAbsent(uscc, i);
                if (earlier != null) {
                    faults.add(SamplingRejection.DUPLICATE, at + ".uscc", "rows[" + earlier + "] reports " + uscc + " already", null);
                }
            }
            LocalDate inspectedOn = faults.date(at + ".inspectedOn", row.inspectedOn());
            if (inspectedOn != null && inspectedOn.isAfter(today)) {
                faults.add(SamplingRejection.IN_THE_FUTURE, at + ".inspectedOn", "the inspection date " + inspectedOn + " is in the future",
                        "on or before " + today);
            } else if (inspectedOn != null && inspectedOn.isBefore(planDay)) {
                faults.add(SamplingRejection.BEFORE_PLAN, at + ".inspectedOn", "the inspection date " + inspectedOn
                        + " is before the plan was drawn on " + planDay, "on or after " + planDay);
            }
            InspectionOutcome outcome = blank(row.outcome()) ? faults.missing(at + ".outcome")
                    : faults.code(at + ".outcome", row.outcome(), InspectionOutcome.class);
            String findings = faults.text(at + ".findings", row.findings(), MAX_FINDINGS_LENGTH);
            String decisionNumber = faults.line(at + ".decisionNumber", row.decisionNumber(), MAX_DECISION_NUMBER_LENGTH, false);
            rows.add(new PlanSpec.ResultRow(i, uscc, inspectedOn, outcome, findings, decisionNumber));
        }
        return new Form<>(rows, faults.verdict());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The faults of one form, in the order the fields were read. */
    private static final class Faults {

        private final List<Verdict> verdicts = new ArrayList<>();

        void add(SamplingRejection reason, String field, String message, String expected) {
            verdicts.add(expected == null ? Verdict.rejected(reason, field, message) : Verdict.rejected(reason, field, message, expected));
        }

        Verdict verdict() {
            return Verdict.all(verdicts);
        }

        <T> T missing(String field) {
            add(SamplingRejection.REQUIRED, field, field + " is required", null);
            return null;
        }

        /** One line of text: stripped, no control characters, at most {@code max} characters. */
        String line(String field, String raw, int max, boolean required) {
            if (blank(raw)) {
                return required ? missing(field) : null;
            }
            String text = raw.strip();
            if (TextInput.hasControlCharacter(text)) {
                add(SamplingRejection.FORMAT, field, field + " is one line of text without control characters", null);
                return null;
            }
            return length(field, text, max);
        }

        /** Text over several lines (tabs and line breaks are let through at the edge), stripped. */
        String text(String field, String raw, int max) {
            return blank(raw) ? null : length(field, raw.strip(), max);
        }

        private String length(String field, String text, int max) {
            if (text.codePointCount(0, text.length()) > max) {
                add(SamplingRejection.TOO_LONG, field, field + " has at most " + max + " characters", "1.." + max);
                return null;
            }
            return text;
        }

        /** A valid USCC, normalised; each violated part named. */
        String uscc(String field, String raw, boolean required) {
            if (blank(raw)) {
                return required ? missing(field) : null;
            }
            UsccValidation validation = Uscc.validate(raw);
            if (!validation.isValid()) {
                validation.violations().forEach(v -> verdicts.add(new Verdict.Rejected(SamplingRejection.FORMAT, field + ": " + v.message(),
                        List.of(v.toFieldError(field)))));
                return null;
            }
            return validation.normalised();
        }

        /** A constant by its API code, its name or its Chinese label. */
        <E extends Enum<E> & ApiCode> E code(String field, String raw, Class<E> type) {
            String wanted = TextInput.fold(raw);
            for (E constant : type.getEnumConstants()) {
                if (constant.code().equalsIgnoreCase(wanted) || constant.name().equalsIgnoreCase(wanted) || constant.labels().contains(wanted)) {
                    return constant;
                }
            }
            String accepted = Arrays.stream(type.getEnumConstants()).map(ApiCode::code).collect(Collectors.joining(", "));
            add(SamplingRejection.UNKNOWN_VALUE, field, field + " must be one of: " + accepted, accepted);
            return null;
        }

        /** An ISO 8601 calendar date. */
        LocalDate date(String field, String raw) {
            if (blank(raw)) {
                return missing(field);
            }
            String text = raw.strip();
            try {
                if (ISO_DATE.matcher(text).matches()) {
                    return LocalDate.parse(text);
                }
            } catch (DateTimeException e) {
                // reported below like any other malformed date
            }
            add(SamplingRejection.FORMAT, field, field + " must be an ISO 8601 date such as 2026-12-10", "YYYY-MM-DD");
            return null;
        }

        /** A whole number from 0 to {@code max}; absent is 0. */
        Integer whole(String field, BigDecimal raw, int max) {
            if (raw == null) {
                return 0;
            }
            if (raw.stripTrailingZeros().scale() > 0) {
                add(SamplingRejection.FORMAT, field, field + " must be a whole number", "0.." + max);
                return null;
            }
            if (raw.signum() < 0 || raw.compareTo(BigDecimal.valueOf(max)) > 0) {
                add(SamplingRejection.OUT_OF_RANGE, field, field + " must be from 0 to " + max, "0.." + max);
                return null;
            }
            return raw.intValueExact();
        }

        List<String> industries(List<String> raw) {
            if (raw == null) {
                return List.of();
            }
            if (raw.size() > MAX_LIST_ITEMS) {
                add(SamplingRejection.OUT_OF_RANGE, "industries", "at most " + MAX_LIST_ITEMS + " industry sections", "0.." + MAX_LIST_ITEMS);
                return List.of();
            }
            TreeSet<String> sections = new TreeSet<>();
            for (int i = 0; i < raw.size(); i++) {
                String field = "industries[" + i + "]";
                String section = raw.get(i) == null ? "" : TextInput.fold(raw.get(i)).toUpperCase(Locale.ROOT);
                if (section.isEmpty()) {
                    missing(field);
                } else if (!SECTION.matcher(section).matches()) {
                    add(SamplingRejection.UNKNOWN_VALUE, field, field + " must be a GB/T 4754 section letter, A to T", "A..T");
                } else {
                    sections.add(section);
                }
            }
            return List.copyOf(sections);
        }

        List<SubjectType> subjectTypes(List<String> raw) {
            if (raw == null) {
                return List.of();
            }
            if (raw.size() > MAX_LIST_ITEMS) {
                add(SamplingRejection.OUT_OF_RANGE, "subjectTypes", "at most " + MAX_LIST_ITEMS + " subject types", "0.." + MAX_LIST_ITEMS);
                return List.of();
            }
            TreeSet<SubjectType> types = new TreeSet<>();
            for (int i = 0; i < raw.size(); i++) {
                String field = "subjectTypes[" + i + "]";
                SubjectType type = blank(raw.get(i)) ? missing(field) : code(field, raw.get(i), SubjectType.class);
                if (type == SubjectType.NATURAL_PERSON) {
                    add(SamplingRejection.NOT_ALLOWED, field, "natural persons have no USCC and no grade, so they are never sampled", null);
                } else if (type != null) {
                    types.add(type);
                }
            }
            return List.copyOf(types);
        }

        /** Per grade a ratio from 0 to 1 or a whole size, not both. */
        Map<Grade, PlanSpec.Sizing> sizes(Map<String, InspectionPlanRequest.GradeSize> raw) {
            Map<Grade, PlanSpec.Sizing> sizes = new EnumMap<>(Grade.class);
            if (raw == null) {
                return sizes;
            }
            for (Map.Entry<String, InspectionPlanRequest.GradeSize> entry : raw.entrySet()) {
                String field = "perGrade." + entry.getKey();
                Grade grade = code(field, entry.getKey(), Grade.class);
                InspectionPlanRequest.GradeSize size = entry.getValue();
                if (grade == null) {
                    continue;
                }
                if (sizes.containsKey(grade)) {
                    add(SamplingRejection.DUPLICATE, field, "grade " + grade.code() + " is sized twice", null);
                } else if (size == null || size.ratio() == null && size.size() == null) {
                    add(SamplingRejection.REQUIRED, field, field + " needs a ratio (0 to 1) or a size", null);
                } else if (size.ratio() != null && size.size() != null) {
                    add(SamplingRejection.RATIO_AND_SIZE, field, "grade " + grade.code() + " is sized by a ratio or by a size, not both", null);
                } else if (size.ratio() != null) {
                    if (size.ratio().signum() < 0 || size.ratio().compareTo(BigDecimal.ONE) > 0) {
                        add(SamplingRejection.OUT_OF_RANGE, field + ".ratio", "a ratio is from 0 to 1, not " + size.ratio().toPlainString(), "0..1");
                    } else {
                        sizes.put(grade, new PlanSpec.Sizing(size.ratio().stripTrailingZeros(), null));
                    }
                } else {
                    Integer whole = whole(field + ".size", size.size(), MAX_SIZE);
                    if (whole != null) {
                        sizes.put(grade, new PlanSpec.Sizing(null, whole));
                    }
                }
            }
            return sizes;
        }
    }
}
