package cn.opencredit.gateway.ingestion;

import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Rejection;

/** Why ingestion refuses a batch, or one row of it. */
enum IngestionRejection implements Rejection {
    /** Only departments and operators send records */
    NOT_A_DEPARTMENT(ProblemType.FORBIDDEN, "not-a-department"),
    /** A department consumer without its USCC cannot tell which records are its own */
    NOT_BOUND(ProblemType.FORBIDDEN, "not-bound"),
    /** A row whose data source is another department */
    NOT_YOUR_DEPARTMENT(ProblemType.VALIDATION_FAILED, "not-your-department"),
    /** A row decided after the record was reported */
    AFTER_REPORT_DATE(ProblemType.VALIDATION_FAILED, "after-report-date"),
    /** A decision or report date after today */
    IN_THE_FUTURE(ProblemType.VALIDATION_FAILED, "in-the-future"),
    /** A penalty without its severity */
    SEVERITY_REQUIRED(ProblemType.VALIDATION_FAILED, "required"),
    /** A publication end before the decision */
    BEFORE_DECISION(ProblemType.VALIDATION_FAILED, "before-decision"),
    /** A rating without its level */
    RATING_REQUIRED(ProblemType.VALIDATION_FAILED, "required"),
    /** A level given for a record that is not a rating */
    RATING_NOT_ALLOWED(ProblemType.VALIDATION_FAILED, "not-allowed"),
    /** A monthly payment record without its month or payment status */
    PAYMENT_FIELD_REQUIRED(ProblemType.VALIDATION_FAILED, "required"),
    /** A month or payment status given for a record that is not a monthly payment */
    PAYMENT_FIELD_NOT_ALLOWED(ProblemType.VALIDATION_FAILED, "not-allowed"),
    /** A monthly payment record published beyond the consented audience */
    PUBLIC_PAYMENT_RECORD(ProblemType.VALIDATION_FAILED, "not-allowed"),
    /** A USCC given for a natural person */
    USCC_OF_A_PERSON(ProblemType.VALIDATION_FAILED, "not-allowed"),
    /** A record of a category only a workflow writes (voluntary registration) */
    WORKFLOW_ONLY(ProblemType.VALIDATION_FAILED, "not-allowed"),
    /** A natural person's row while no identity hash key is configured */
    IDENTITY_HASHING_UNAVAILABLE(ProblemType.VALIDATION_FAILED, "identity-hashing-unavailable");

    private final ProblemType problem;
    private final String code;

    IngestionRejection(ProblemType problem, String code) {
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
