package cn.opencredit.gateway.access;

import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Rejection;

/** Why an operator's change to consumers and keys is refused. */
enum AccessRejection implements Rejection {
    NO_SCOPE(ProblemType.VALIDATION_FAILED, "empty"),
    UNKNOWN_SCOPE(ProblemType.VALIDATION_FAILED, "unknown-scope"),
    /** A subject acts for itself only: no operator, audit, ingest or list scope */
    NOT_FOR_SUBJECTS(ProblemType.VALIDATION_FAILED, "not-for-subjects"),
    BINDING_REQUIRED(ProblemType.VALIDATION_FAILED, "required"),
    BINDING_NOT_ALLOWED(ProblemType.VALIDATION_FAILED, "not-allowed"),
    UNKNOWN_PLAN(ProblemType.VALIDATION_FAILED, "unknown-plan"),
    TOO_MANY_KEYS(ProblemType.VALIDATION_FAILED, "too-many-keys"),
    EXPIRY_IN_THE_PAST(ProblemType.VALIDATION_FAILED, "in-the-past");

    private final ProblemType problem;
    private final String code;

    AccessRejection(ProblemType problem, String code) {
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
