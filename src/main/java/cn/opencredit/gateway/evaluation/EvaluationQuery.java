package cn.opencredit.gateway.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.sql.RegionPrefix;
import cn.opencredit.gateway.shared.web.ApiCode;
import cn.opencredit.gateway.shared.web.QueryParameters;
import cn.opencredit.gateway.subject.SubjectType;

/**
 * The filters of {@code GET /api/v1/evaluations}: the grade (required), and optionally the region
 * prefix, the industry section and the subject type. Every bad parameter is named in one 400.
 */
record EvaluationQuery(Grade grade, Optional<RegionPrefix> region, Optional<String> industry, Optional<SubjectType> type) {

    private static final Pattern SECTION = Pattern.compile("[A-T]");

    static EvaluationQuery parse(String grade, String region, String industry, String type) {
        List<FieldError> errors = new ArrayList<>();
        Grade wanted = QueryParameters.text(grade, "grade", errors).map(g -> code(Grade.class, g, "grade", errors)).orElse(null);
        if (wanted == null && errors.stream().noneMatch(e -> e.field().equals("grade"))) {
            errors.add(new FieldError("grade", "required", "grade is required: A, B, C or D", "A, B, C, D"));
        }
        Optional<RegionPrefix> regionPrefix = RegionPrefix.parse(region);
        Optional<String> section = QueryParameters.text(industry, "industry", errors).map(s -> s.toUpperCase(Locale.ROOT));
        if (section.isPresent() && !SECTION.matcher(section.get()).matches()) {
            errors.add(new FieldError("industry", "format", "industry is one GB/T 4754 section letter, A to T", "A..T"));
        }
        Optional<SubjectType> subjectType = QueryParameters.text(type, "type", errors).map(t -> code(SubjectType.class, t, "type", errors));
        QueryParameters.rejectIfAny(errors);
        return new EvaluationQuery(wanted, regionPrefix, section, subjectType);
    }

    /** A constant by its code or name in any case; an unknown one is named among the errors. */
    static <E extends Enum<E> & ApiCode> E code(Class<E> type, String raw, String field, List<FieldError> errors) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equalsIgnoreCase(raw) || constant.name().equalsIgnoreCase(raw)) {
                return constant;
            }
        }
        String accepted = Arrays.stream(type.getEnumConstants()).map(ApiCode::code).collect(Collectors.joining(", "));
        errors.add(new FieldError(field, "unknown-value", field + " must be one of: " + accepted, accepted));
        return null;
    }

    /** What the cursor is bound to: a cursor of one filter set is refused for another. */
    String fingerprint() {
        return "evaluations|" + grade.name() + "|" + region.map(RegionPrefix::digits).orElse("") + "|" + industry.orElse("") + "|"
                + type.map(Enum::name).orElse("");
    }
}
