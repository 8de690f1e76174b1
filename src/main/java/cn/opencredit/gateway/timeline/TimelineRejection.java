package cn.opencredit.gateway.timeline;

import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Rejection;

enum TimelineRejection implements Rejection {
    NOT_YOURS(ProblemType.FORBIDDEN, "not-yours");

    private final ProblemType problem;
    private final String code;

    TimelineRejection(ProblemType problem, String code) {
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
