package cn.opencredit.gateway.registration;

import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Rejection;

/** Why the voluntary registration workflow refuses a request. */
enum RegistrationRejection implements Rejection {
    /** Subjects register for themselves; operators for a subject at the service window; nobody else */
    NOT_A_SUBMITTER(ProblemType.FORBIDDEN, "not-a-submitter"),
    /** A subject registers, reads and withdraws only its own items */
    NOT_YOUR_USCC(ProblemType.FORBIDDEN, "not-your-uscc"),
    /** The department the item is routed to verifies it and finds it false, or an operator */
    OTHER_DEPARTMENT(ProblemType.FORBIDDEN, "other-department"),
    /** Someone may read an item only as its subject, its department or an operator */
    NOT_A_PARTY(ProblemType.FORBIDDEN, "not-a-party"),
    /** No department is configured for the category in the subject's region */
    NO_DEPARTMENT(ProblemType.CONFLICT, "no-department"),
    /** Verified or rejected already, or withdrawn */
    NOT_SUBMITTED(ProblemType.CONFLICT, "not-submitted"),
    /** Only a verified item can be found false */
    NOT_VERIFIED(ProblemType.CONFLICT, "not-verified"),
    /** Rejected, withdrawn or found false: nothing to withdraw */
    NOT_WITHDRAWABLE(ProblemType.CONFLICT, "not-withdrawable"),
    /** The request was made on an older version of the item */
    STALE_VERSION(ProblemType.CONFLICT, "stale-version"),
    /** A field the category does not take */
    UNKNOWN_FIELD(ProblemType.VALIDATION_FAILED, "unknown-field"),
    /** A field the category requires, or a reason a rejection requires */
    REQUIRED(ProblemType.VALIDATION_FAILED, "required"),
    /** A field of the wrong type or format */
    INVALID(ProblemType.VALIDATION_FAILED, "invalid"),
    /** A date after today where the field says what happened */
    IN_THE_FUTURE(ProblemType.VALIDATION_FAILED, "in-the-future"),
    /** An end before its start (validUntil before validFrom, performedOn before signedOn) */
    BEFORE_START(ProblemType.VALIDATION_FAILED, "before-start"),
    /** A certificate that is no longer valid */
    EXPIRED(ProblemType.VALIDATION_FAILED, "expired"),
    /** The truthfulness commitment was not accepted */
    NOT_ACCEPTED(ProblemType.VALIDATION_FAILED, "not-accepted"),
    /** The commitment accepted is not the published text */
    NOT_THE_PUBLISHED_TEXT(ProblemType.VALIDATION_FAILED, "not-the-published-text");

    private final ProblemType problem;
    private final String code;

    RegistrationRejection(ProblemType problem, String code) {
        this.problem = problem;
        this.code = code;
    }

    @Override
    public ProblemType problem() {
        return problem;
    }

    @Override
    public String code() {
        return code;
    }
}
