package cn.opencredit.gateway.creditcheck;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.opencredit.gateway.creditcheck.CreditCheckView.AppliedMeasure;
import cn.opencredit.gateway.creditcheck.CreditCheckView.ListBasis;
import cn.opencredit.gateway.creditcheck.CreditCheckView.RecordBasis;
import cn.opencredit.gateway.creditcheck.CreditCheckView.SubjectResult;
import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.evaluation.Grade;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.uscc.UsccValidation;
import cn.opencredit.gateway.shared.web.ApiCode;

/** The rules of a credit check: which scenario, how many subjects, for which department, and which measures apply to whom. */
final class CreditCheckPolicies {

    static final String CHECKED = "checked";
    static final String INVALID_USCC = "invalid-uscc";
    static final String NOT_FOUND = "not-found";

    private CreditCheckPolicies() {
    }

    /** The scenario named, or a 400 that lists the known ones. */
    static Optional<CheckScenario> scenario(String raw) {
        String wanted = raw == null ? "" : raw.strip();
        return Arrays.stream(CheckScenario.values()).filter(s -> s.code().equalsIgnoreCase(wanted) || s.name().equalsIgnoreCase(wanted)).findFirst();
    }

    static Verdict scenarioPolicy(String raw) {
        return scenario(raw).isPresent() ? Verdict.ALLOWED
                : Verdict.rejected(CreditCheckRejection.UNKNOWN_SCENARIO, "scenario", "Unknown scenario " + quoted(raw) + "; known scenarios: "
                        + knownScenarios(), knownScenarios());
    }

    static String knownScenarios() {
        return Arrays.stream(CheckScenario.values()).map(s -> s.code() + " (" + s.nameZh() + ")").collect(Collectors.joining(", "));
    }

    /** One check takes at most {@code max} subjects (413 above: split the batch), and at least one. */
    static Verdict sizePolicy(List<String> subjects, int max) {
        if (subjects.size() > max) {
            return Verdict.rejected(CreditCheckRejection.TOO_MANY_SUBJECTS, "subjects", subjects.size() + " subjects sent; one check takes at most "
                    + max + ", send the rest in another check", "at most " + max);
        }
        return subjects.isEmpty() ? Verdict.rejected(CreditCheckRejection.NO_SUBJECTS, "subjects",
                "at least one subject is needed") : Verdict.ALLOWED;
    }

    /**
     * The department a check or a count is for: a department's own USCC always (naming another is a
     * 400); for an operator the one it names, or none for its own supervisory check when
     * {@code operatorMayOmit}.
     */
    static Verdict departmentPolicy(ApiClient caller, String named, boolean operatorMayOmit) {
        if (ApiClient.OPERATOR_TYPE.equals(caller.type())) {
            if (named == null) {
                return operatorMayOmit ? Verdict.ALLOWED : Verdict.rejected(CreditCheckRejection.DEPARTMENT, "departmentUscc",
                        "an operator names the department it reports for");
            }
            UsccValidation valid = Uscc.validate(named);
            return valid.isValid() ? Verdict.ALLOWED : Verdict.rejected(CreditCheckRejection.DEPARTMENT, "departmentUscc",
                    "departmentUscc is no valid USCC");
        }
        if (caller.boundUscc() == null) {
            return operatorMayOmit ? Verdict.ALLOWED : Verdict.rejected(CreditCheckRejection.DEPARTMENT, "departmentUscc",
                    "this key is bound to no department; an operator binds it");
        }
        return named == null || Uscc.validate(named).normalised().equals(caller.boundUscc()) ? Verdict.ALLOWED
                : Verdict.rejected(CreditCheckRejection.DEPARTMENT, "departmentUscc", "a department checks and reports for itself only",
                        caller.boundUscc());
    }

    static String department(ApiClient caller, String named) {
        return ApiClient.OPERATOR_TYPE.equals(caller.type()) ? (named == null ? null : Uscc.validate(named).normalised()) : caller.boundUscc();
    }

    /**
     * The measures of the catalogue that apply to a subject in the scenario today: valid today,
     * listed for the scenario, and triggered by a current list membership, the grade, or a published
     * failing of a named category at least as severe as the measure asks. Incentives are withheld
     * from a subject any punishment applies to (守信激励 goes to subjects without failings).
     */
    static List<AppliedMeasure> applicable(List<Measure> catalogue, CheckScenario scenario, SubjectFacts facts, LocalDate today) {
        List<AppliedMeasure> punishments = new ArrayList<>();
        List<AppliedMeasure> incentives = new ArrayList<>();
        for (Measure measure : catalogue) {
            if (!measure.scenarios().contains(scenario) || !validOn(measure, today)) {
                continue;
            }
            List<ListBasis> entries = facts.listEntries().stream().filter(e -> measure.listTypes().contains(e.type())).toList();
            Grade grade = facts.grade() != null && measure.grades().contains(facts.grade()) ? facts.grade() : null;
            List<RecordBasis> records = measure.minSeverity() == null ? List.of() : facts.failings().stream()
                    .filter(r -> measure.recordCategories().contains(r.category()) && r.severity().compareTo(measure.minSeverity()) >= 0).toList();
            if (entries.isEmpty() && grade == null && records.isEmpty()) {
                continue;
            }
            AppliedMeasure applied = new AppliedMeasure(measure.code(), measure.name(), measure.kind(), new MeasureView.Basis(measure.document(),
                    measure.clause()), measure.departments(), new CreditCheckView.Triggered(entries, grade, records));
            (measure.kind() == MeasureKind.PUNISHMENT ? punishments : incentives).add(applied);
        }
        List<AppliedMeasure> all = new ArrayList<>(punishments);
        if (punishments.isEmpty()) {
            all.addAll(incentives);
        }
        return all;
    }

    static boolean validOn(Measure measure, LocalDate day) {
        return !measure.validFrom().isAfter(day) && (measure.validUntil() == null || !measure.validUntil().isBefore(day));
    }

    /** One subject's answer: invalid codes and unknown subjects are answered for themselves, without failing the check. */
    static SubjectResult result(String sent, UsccValidation validation, SubjectFacts facts, List<AppliedMeasure> measures, String receiptId) {
        if (!validation.isValid()) {
            List<FieldError> errors = validation.violations().stream().map(v -> v.toFieldError("uscc")).toList();
            return new SubjectResult(sent, INVALID_USCC, null, null, null, null, null, errors);
        }
        if (facts == null) {
            return new SubjectResult(validation.normalised(), NOT_FOUND, null, null, null, null, null, null);
        }
        return new SubjectResult(validation.normalised(), CHECKED, facts.name(), facts.grade(), facts.grade() == null ? null : facts.grade().nameZh(),
                receiptId, measures, null);
    }

    /** 应查必查率: cases checked over the approvals reported, 4 decimals; none without a count (or with a count of 0). */
    static String rate(long casesChecked, Integer approvals) {
        if (approvals == null || approvals == 0) {
            return null;
        }
        return java.math.BigDecimal.valueOf(casesChecked).divide(java.math.BigDecimal.valueOf(approvals), 4, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** A receipt names the check and the subject's place in it. */
    static String receiptId(long checkId, int position) {
        return "%d-%04d".formatted(checkId, position + 1);
    }

    /** The feedback items whose receipt is not of the check, or whose measure did not apply to that receipt's subject. */
    static Verdict feedbackPolicy(List<FeedbackRequest.Item> items, Map<String, Set<String>> measuresByReceipt) {
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            FeedbackRequest.Item item = items.get(i);
            Set<String> measures = measuresByReceipt.get(item.receiptId());
            if (measures == null) {
                verdicts.add(Verdict.rejected(CreditCheckRejection.NOT_CHECKED, "items[" + i + "].receiptId",
                        "receipt " + item.receiptId() + " is not of this check"));
            } else if (!measures.contains(item.measureCode())) {
                verdicts.add(Verdict.rejected(CreditCheckRejection.NOT_CHECKED, "items[" + i + "].measureCode",
                        "measure " + item.measureCode() + " did not apply to the subject of receipt " + item.receiptId(),
                        String.join(", ", measures)));
            }
        }
        return Verdict.all(verdicts);
    }

    /** A catalogue entry, parsed: every code known, at least one trigger, a severity exactly when record categories trigger. */
    record ParsedMeasure(Measure measure, Verdict verdict) {
    }

    static ParsedMeasure measure(String code, MeasureRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !code.matches("^[A-Z][A-Z0-9-]{1,39}$")) {
            errors.add(new FieldError("code", "format", "a code is 2 to 40 upper-case letters, digits and hyphens, starting with a letter",
                    "^[A-Z][A-Z0-9-]{1,39}$"));
        }
        MeasureKind kind = parse(MeasureKind.class, request.kind(), "kind", errors);
        Set<CheckScenario> scenarios = parseAll(CheckScenario.class, request.scenarios(), "scenarios", errors);
        MeasureRequest.Triggers triggers = request.triggers();
        Set<ListType> lists = parseAll(ListType.class, triggers.listTypes(), "triggers.listTypes", errors);
        Set<Grade> grades = EnumSet.noneOf(Grade.class);
        for (String grade : triggers.grades() == null ? List.<String>of() : triggers.grades()) {
            Arrays.stream(Grade.values()).filter(g -> g.name().equalsIgnoreCase(grade.strip())).findFirst().ifPresentOrElse(grades::add,
                    () -> errors.add(new FieldError("triggers.grades", "unknown-value", "unknown grade " + grade, "A, B, C, D")));
        }
        Set<RecordCategory> categories = parseAll(RecordCategory.class, triggers.recordCategories(), "triggers.recordCategories", errors);
        Severity severity = triggers.minSeverity() == null ? null : parse(Severity.class, triggers.minSeverity(), "triggers.minSeverity", errors);
        if (lists.isEmpty() && grades.isEmpty() && categories.isEmpty()) {
            errors.add(new FieldError("triggers", "no-trigger", "a measure needs a list type, a grade or a record category that triggers it"));
        }
        if (categories.isEmpty() != (severity == null)) {
            errors.add(new FieldError("triggers.minSeverity", "severity", "record categories trigger from a least severity, and only they"));
        }
        if (request.validUntil() != null && request.validUntil().isBefore(request.validFrom())) {
            errors.add(new FieldError("validUntil", "before-valid-from", "validUntil lies before validFrom"));
        }
        if (!errors.isEmpty()) {
            return new ParsedMeasure(null, new Verdict.Rejected(CreditCheckRejection.INVALID_MEASURE, errors.getFirst().message(), errors));
        }
        return new ParsedMeasure(new Measure(code, request.name().strip(), kind, request.basis().document().strip(), request.basis().clause().strip(),
                lists, grades, categories, severity, scenarios, request.departments().stream().map(String::strip).toList(), request.validFrom(),
                request.validUntil(), request.version() == null ? 0 : request.version()), Verdict.ALLOWED);
    }

    private static <E extends Enum<E> & ApiCode> E parse(Class<E> type, String raw, String field, List<FieldError> errors) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equalsIgnoreCase(raw.strip()) || constant.name().equalsIgnoreCase(raw.strip())) {
                return constant;
            }
        }
        errors.add(new FieldError(field, "unknown-value", "unknown value " + raw,
                Arrays.stream(type.getEnumConstants()).map(ApiCode::code).collect(Collectors.joining(", "))));
        return null;
    }

    private static <E extends Enum<E> & ApiCode> Set<E> parseAll(Class<E> type, List<String> raw, String field, List<FieldError> errors) {
        Set<E> parsed = EnumSet.noneOf(type);
        for (String value : raw == null ? List.<String>of() : raw) {
            E constant = parse(type, value, field, errors);
            if (constant != null) {
                parsed.add(constant);
            }
        }
        return parsed;
    }

    private static String quoted(String raw) {
        String shown = raw == null ? "" : raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        return "'" + shown + "'";
    }
}
