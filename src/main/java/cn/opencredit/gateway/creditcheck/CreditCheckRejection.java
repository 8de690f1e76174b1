package cn.opencredit.gateway.creditcheck;

import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Rejection;

/** Why a check, a feedback, a count or a measure is refused. */
enum CreditCheckRejection implements Rejection {
    /** A scenario that is not one of the known ones */
    UNKNOWN_SCENARIO(ProblemType.INVALID_PARAMETER, "unknown-scenario"),
    /** More subjects than one check takes */
    TOO_MANY_SUBJECTS(ProblemType.PAYLOAD_TOO_LARGE, "too-many-subjects"),
    /** A check of nobody */
    NO_SUBJECTS(ProblemType.VALIDATION_FAILED, "no-subjects"),
    /** A department names another department than itself, or an operator names none where one is needed */
    DEPARTMENT(ProblemType.INVALID_PARAMETER, "department"),
    /** A feedback item whose receipt is not of this check, or whose measure did not apply to that subject */
    NOT_CHECKED(ProblemType.VALIDATION_FAILED, "not-checked"),
    /** A catalogue entry that does not hold together */
    INVALID_MEASURE(ProblemType.VALIDATION_FAILED, "invalid-measure");

    private final ProblemType problem;
    private final String code;

    CreditCheckRejection(ProblemType problem, String code) {
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
