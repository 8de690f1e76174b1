package cn.opencredit.gateway.shared.uscc;

import cn.opencredit.gateway.shared.problem.FieldError;

/**
 * One thing wrong with a USCC.
 *
 * @param part     what is wrong
 * @param position the 1-based position in the normalised input where the part starts, or 0 when the violation is
 *                 about the input as a whole ({@link UsccPart#REQUIRED}, {@link UsccPart#LENGTH})
 * @param actual   what the input has there (for {@link UsccPart#LENGTH}, the number of characters)
 * @param expected what would have been valid, when there is exactly one answer (the check characters, the length);
 *                 otherwise {@code null}
 * @param message  a human-readable explanation that names the position
 */
public record UsccViolation(UsccPart part, int position, String actual, String expected, String message) {

    public FieldError toFieldError(String field) {
        return new FieldError(field, part.code(), message, expected);
    }
}
