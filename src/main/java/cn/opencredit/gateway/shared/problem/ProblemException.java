package cn.opencredit.gateway.shared.problem;

import java.util.List;

/**
 * Any failure the gateway reports to a client as an RFC 9457 problem. Services throw it (or a
 * subclass); the single exception mapper turns it into {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient List<FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public static ProblemException invalidParameter(String field, String code, String message) {
        return new ProblemException(ProblemType.INVALID_PARAMETER, message, List.of(new FieldError(field, code, message)));
    }
}
