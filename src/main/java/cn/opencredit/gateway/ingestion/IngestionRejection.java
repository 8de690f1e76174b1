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
    /** A row decided after the record was first reported */
    AFTER_REPORT_DATE(ProblemType.VALIDATION_FAILED, "after-report-date"),
    IDEMPOTENCY_KEY_FORMAT(ProblemType.INVALID_PARAMETER, "format");

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
