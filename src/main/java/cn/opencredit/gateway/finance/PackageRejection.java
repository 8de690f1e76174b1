package cn.opencredit.gateway.finance;

import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Rejection;

/** Why a bank's pull is refused before any consent is looked at. */
enum PackageRejection implements Rejection {
    /** Data packages go to banks under the subject's consent (and to operators, who supervise them) */
    NOT_A_BANK(ProblemType.FORBIDDEN, "not-a-bank"),
    /** A section that is no consent category */
    UNKNOWN_SECTION(ProblemType.INVALID_PARAMETER, "unknown");

    private final ProblemType problem;
    private final String code;

    PackageRejection(ProblemType problem, String code) {
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
