package cn.opencredit.gateway.shared.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One bad input named in a problem's {@code errors[]}.
 *
 * @param field    the bad input: a path or query parameter by its name ({@code uscc}, {@code limit}), a body
 *                 property by its JSON path ({@code rows[3].name})
 * @param code     a stable machine-readable reason, e.g. {@code check-character}
 * @param message  a human-readable explanation
 * @param expected what would have been valid, when the gateway can tell (e.g. the expected check character)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String code, String message, String expected) {

    public FieldError(String field, String code, String message) {
        this(field, code, message, null);
    }
}
