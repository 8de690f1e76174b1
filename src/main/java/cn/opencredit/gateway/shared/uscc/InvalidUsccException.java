package cn.opencredit.gateway.shared.uscc;

import java.util.List;
import java.util.stream.Collectors;

import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;

/**
 * A USCC that failed validation, reported as an {@link ProblemType#INVALID_USCC} problem with one {@code errors[]}
 * entry per violation. The violations stay available in typed form for callers that handle the failure themselves.
 */
public final class InvalidUsccException extends ProblemException {

    // Echoing an arbitrarily long input back would let one request inflate the problem body and the logs.
    private static final int MAX_ECHOED_CHARACTERS = 32;

    private final transient List<UsccViolation> violations;

    InvalidUsccException(String field, UsccValidation validation) {
        super(ProblemType.INVALID_USCC, detail(validation),
                validation.violations().stream().map(violation -> violation.toFieldError(field)).toList());
        this.violations = validation.violations();
    }

    public List<UsccViolation> violations() {
        return violations;
    }

    private static String detail(UsccValidation validation) {
        String input = validation.normalised();
        String subject = input.isEmpty() ? "USCC" : "USCC " + abbreviate(input);
        return subject + ": " + validation.violations().stream().map(UsccViolation::message).collect(Collectors.joining("; "));
    }

    private static String abbreviate(String input) {
        if (input.codePointCount(0, input.length()) <= MAX_ECHOED_CHARACTERS) {
            return input;
        }
        return input.substring(0, input.offsetByCodePoints(0, MAX_ECHOED_CHARACTERS)) + "…";
    }
}
