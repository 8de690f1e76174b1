package cn.opencredit.gateway.report;

import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Rejection;

/** Why a report or a verification is refused. */
enum ReportRejection implements Rejection {
    /** A full report for a caller that is neither the subject, nor a bank or agency (under consent), nor an operator */
    NOT_FULL_READER(ProblemType.FORBIDDEN, "full-report-refused"),
    /** A level that is not public or full */
    UNKNOWN_LEVEL(ProblemType.INVALID_PARAMETER, "unknown-level"),
    /** A hash that is not 64 hexadecimal digits */
    MALFORMED_HASH(ProblemType.INVALID_PARAMETER, "malformed-hash");

    private final ProblemType problem;
    private final String code;

    ReportRejection(ProblemType problem, String code) {
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
