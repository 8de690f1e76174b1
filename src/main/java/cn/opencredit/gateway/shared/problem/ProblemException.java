package cn.opencredit.gateway.shared.problem;

import java.time.LocalDate;
import java.util.List;

/**
 * Any failure the gateway reports to a client as an RFC 9457 problem. Services throw it (or a
 * subclass); the single exception mapper turns it into {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient List<FieldError> errors;
    private final long retryAfterSeconds;
    private final LocalDate eligibleFrom;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, 0);
    }

    /** @param retryAfterSeconds sent as {@code Retry-After} when positive: when a retry may succeed */
    public ProblemException(ProblemType type, String detail, List<FieldError> errors, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
        this.eligibleFrom = null;
    }

    /** @param eligibleFrom sent as the body's {@code eligibleFrom}: the first day on which the request could succeed */
    public ProblemException(ProblemType type, String detail, List<FieldError> errors, LocalDate eligibleFrom) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = 0;
        this.eligibleFrom = eligibleFrom;
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

    /** Seconds after which a retry may succeed, 0 when the problem does not say. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The first day on which the request could succeed; null when the problem does not say. */
    public LocalDate eligibleFrom() {
        return eligibleFrom;
    }

    public static ProblemException invalidParameter(String field, String code, String message) {
        return new ProblemException(ProblemType.INVALID_PARAMETER, message, List.of(new FieldError(field, code, message)));
    }
}
