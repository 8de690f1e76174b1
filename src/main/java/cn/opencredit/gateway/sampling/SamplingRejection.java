package cn.opencredit.gateway.sampling;

import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Rejection;

/** Why a sampling plan or its results are refused. */
enum SamplingRejection implements Rejection {
    /** Only departments and operators draw samples and report results */
    NOT_A_DEPARTMENT(ProblemType.FORBIDDEN, "not-a-department"),
    /** A department consumer without its USCC has no scope to draw from */
    NOT_BOUND(ProblemType.FORBIDDEN, "not-bound"),
    /** A department names another department as the one that inspects */
    OTHER_DEPARTMENT(ProblemType.FORBIDDEN, "other-department"),
    /** A department draws from a region outside its own */
    OTHER_SCOPE(ProblemType.FORBIDDEN, "other-scope"),
    /** Results of a plan come from its department (or an operator) */
    NOT_YOUR_PLAN(ProblemType.FORBIDDEN, "not-your-plan"),
    REQUIRED(ProblemType.VALIDATION_FAILED, "required"),
    FORMAT(ProblemType.VALIDATION_FAILED, "format"),
    TOO_LONG(ProblemType.VALIDATION_FAILED, "too-long"),
    OUT_OF_RANGE(ProblemType.VALIDATION_FAILED, "out-of-range"),
    UNKNOWN_VALUE(ProblemType.VALIDATION_FAILED, "unknown-value"),
    NOT_ALLOWED(ProblemType.VALIDATION_FAILED, "not-allowed"),
    DUPLICATE(ProblemType.VALIDATION_FAILED, "duplicate"),
    /** A grade sized both by a ratio and by a size */
    RATIO_AND_SIZE(ProblemType.VALIDATION_FAILED, "ratio-and-size"),
    /** A result for a subject the plan did not draw */
    NOT_IN_SAMPLE(ProblemType.VALIDATION_FAILED, "not-in-sample"),
    /** An inspection dated before the plan was drawn */
    BEFORE_PLAN(ProblemType.VALIDATION_FAILED, "before-plan"),
    IN_THE_FUTURE(ProblemType.VALIDATION_FAILED, "in-the-future"),
    /** Ingestion refused the credit record a result becomes */
    RECORD_REFUSED(ProblemType.VALIDATION_FAILED, "record-refused"),
    /** A sampled subject's result is reported once */
    REPORTED_ALREADY(ProblemType.CONFLICT, "reported-already"),
    /** A grade without a size of its own takes the model's ratio, and no model is in force */
    NO_MODEL_IN_FORCE(ProblemType.CONFLICT, "no-model-in-force");

    private final ProblemType problem;
    private final String code;

    SamplingRejection(ProblemType problem, String code) {
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
