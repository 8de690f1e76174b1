package cn.opencredit.gateway.shared.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;

/**
 * An enum whose constants appear in the API as lower-case kebab codes ({@code tax-credit-grade})
 * while code and database use the constant names ({@code TAX_CREDIT_GRADE}).
 */
public interface ApiCode {

    String name();

    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Other names the constant goes by in the files departments send (the national templates' Chinese terms). */
    default List<String> labels() {
        return List.of();
    }

    /** Reads a query parameter; unknown values are a 400 that lists the accepted ones. */
    static <E extends Enum<E> & ApiCode> E parse(Class<E> type, String raw, String field) {
        String wanted = raw.strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equalsIgnoreCase(wanted) || constant.name().equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        String accepted = Arrays.stream(type.getEnumConstants()).map(ApiCode::code).collect(Collectors.joining(", "));
        String message = field + " must be one of: " + accepted;
        throw new ProblemException(ProblemType.INVALID_PARAMETER, message, List.of(new FieldError(field, "unknown-value", message, accepted)));
    }
}
