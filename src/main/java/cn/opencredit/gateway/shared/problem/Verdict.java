package cn.opencredit.gateway.shared.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * What a policy decided: allowed, or rejected for a {@link Rejection} reason. "No" is an outcome
 * that policies return, not an exception they throw; the service that runs them turns a rejection
 * into the problem answer with {@link #orThrow()}.
 */
public sealed interface Verdict permits Verdict.Allowed, Verdict.Rejected {

    Verdict ALLOWED = new Allowed();

    record Allowed() implements Verdict {
    }

    /**
     * @param detail the problem's detail: one sentence on what is wrong
     * @param errors the inputs at fault, if the rejection is about inputs
     */
    record Rejected(Rejection reason, String detail, List<FieldError> errors) implements Verdict {

        public Rejected {
            errors = List.copyOf(errors);
        }
    }

    /** A rejection about the request as a whole. */
    static Verdict rejected(Rejection reason, String detail) {
        return new Rejected(reason, detail, List.of());
    }

    /** A rejection about one input, named in {@code errors[]} with the rejection's code. */
    static Verdict rejected(Rejection reason, String field, String message) {
        return new Rejected(reason, message, List.of(new FieldError(field, reason.code(), message)));
    }

    /** As {@link #rejected(Rejection, String, String)}, with what would have been valid. */
    static Verdict rejected(Rejection reason, String field, String message, String expected) {
        return new Rejected(reason, message, List.of(new FieldError(field, reason.code(), message, expected)));
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    /** The inputs at fault, none when allowed. */
    default List<FieldError> errors() {
        return this instanceof Rejected rejected ? rejected.errors() : List.of();
    }

    /**
     * Every rejection among {@code verdicts}, as one: a request whose faults are all worth telling
     * at once (the checks of a form). The first rejection sets the problem type and the detail;
     * allowed when none rejects.
     */
    static Verdict all(List<Verdict> verdicts) {
        Rejected first = null;
        List<FieldError> errors = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            if (verdict instanceof Rejected rejected) {
                first = first == null ? rejected : first;
                errors.addAll(rejected.errors());
            }
        }
        return first == null ? ALLOWED : new Rejected(first.reason(), first.detail(), errors);
    }

    /** Nothing when allowed; else the rejection as the problem its reason maps to. */
    default void orThrow() {
        if (this instanceof Rejected rejected) {
            throw new ProblemException(rejected.reason().problem(), rejected.detail(), rejected.errors());
        }
    }
}
