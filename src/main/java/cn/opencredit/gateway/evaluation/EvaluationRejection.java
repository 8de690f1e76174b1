package cn.opencredit.gateway.evaluation;

import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Rejection;

/** Why the evaluation's model workflow refuses a request. */
enum EvaluationRejection implements Rejection {
    /** Only drafts are backtested and published; a published or retired model stays as it is */
    NOT_A_DRAFT(ProblemType.CONFLICT, "not-a-draft"),
    /** A draft is published only after a backtest against the model in force has finished */
    BACKTEST_REQUIRED(ProblemType.CONFLICT, "backtest-required"),
    /** A version names one document for good */
    VERSION_TAKEN(ProblemType.CONFLICT, "version-taken"),
    /** Nothing to recompute with */
    NO_MODEL_IN_FORCE(ProblemType.CONFLICT, "no-model-in-force");

    private final ProblemType problem;
    private final String code;

    EvaluationRejection(ProblemType problem, String code) {
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
