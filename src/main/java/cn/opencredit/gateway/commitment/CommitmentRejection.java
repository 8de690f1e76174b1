package cn.opencredit.gateway.commitment;

import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Rejection;

/** Why the commitment workflow refuses a request, or a row of a batch. */
enum CommitmentRejection implements Rejection {
    /** Commitments are reported and decided by departments (bound to their USCC) and operators only */
    NOT_A_DEPARTMENT(ProblemType.FORBIDDEN, "not-a-department"),
    /** A department reports and decides only its own commitments */
    OTHER_DEPARTMENT(ProblemType.FORBIDDEN, "other-department"),
    /** A subject reads only its own commitments */
    NOT_YOUR_USCC(ProblemType.FORBIDDEN, "not-your-uscc"),
    /** Someone may read a commitment only as its subject, its department or an operator */
    NOT_A_PARTY(ProblemType.FORBIDDEN, "not-a-party"),
    /** A batch without rows */
    NO_ROWS(ProblemType.VALIDATION_FAILED, "no-rows"),
    /** More rows than a batch may carry */
    TOO_MANY_ROWS(ProblemType.PAYLOAD_TOO_LARGE, "too-many-rows"),
    /** Fulfilled, breached or cancelled already */
    NOT_OPEN(ProblemType.CONFLICT, "not-open"),
    /** The request was made on an older version of the commitment */
    STALE_VERSION(ProblemType.CONFLICT, "stale-version"),
    /** A 容缺受理 commitment fulfilled after its deadline was not kept */
    AFTER_DEADLINE(ProblemType.CONFLICT, "after-deadline"),
    /** A resend of a commitment about another subject: the department's id names one commitment of one subject */
    SUBJECT_CHANGED(ProblemType.CONFLICT, "subject-changed"),
    /** The same sourceCommitmentId twice in one batch */
    DUPLICATE_IN_BATCH(ProblemType.VALIDATION_FAILED, "duplicate-in-batch"),
    /** The subject is not in the register */
    UNKNOWN_SUBJECT(ProblemType.VALIDATION_FAILED, "unknown-subject"),
    /** A value the field requires */
    REQUIRED(ProblemType.VALIDATION_FAILED, "required"),
    /** A value of the wrong format, or too long */
    INVALID(ProblemType.VALIDATION_FAILED, "invalid"),
    /** A date after today where the field says what happened */
    IN_THE_FUTURE(ProblemType.VALIDATION_FAILED, "in-the-future"),
    /** A deadline before the day the commitment was made, or a fulfilment before it */
    BEFORE_MADE(ProblemType.VALIDATION_FAILED, "before-made"),
    /** A new or moved deadline that has already passed */
    DEADLINE_PASSED(ProblemType.VALIDATION_FAILED, "deadline-passed");

    private final ProblemType problem;
    private final String code;

    CommitmentRejection(ProblemType problem, String code) {
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
