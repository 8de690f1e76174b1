package cn.opencredit.gateway.creditlist;

import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Rejection;

/** Why list maintenance refuses a request. */
enum CreditListRejection implements Rejection {
    /** Only departments and operators keep lists */
    NOT_A_LIST_KEEPER(ProblemType.FORBIDDEN, "not-a-list-keeper"),
    /** A department consumer without its USCC cannot tell which authority it is */
    NOT_BOUND(ProblemType.FORBIDDEN, "not-bound"),
    /** A department acts for itself only */
    OTHER_AUTHORITY(ProblemType.FORBIDDEN, "other-authority"),
    NOT_A_GOVERNMENT_BODY(ProblemType.VALIDATION_FAILED, "not-a-government-body"),
    IN_THE_FUTURE(ProblemType.VALIDATION_FAILED, "in-the-future"),
    NOT_AFTER_INCLUSION(ProblemType.VALIDATION_FAILED, "not-after-inclusion"),
    /** 重错码: the name sent is not the one registered under the code */
    NAME_MISMATCH(ProblemType.VALIDATION_FAILED, "name-mismatch"),
    LEGAL_REPRESENTATIVE_NOT_ALLOWED(ProblemType.VALIDATION_FAILED, "not-allowed"),
    LEGAL_REPRESENTATIVE_REQUIRED(ProblemType.VALIDATION_FAILED, "required"),
    /** The authority keeps an entry for the subject on this list that has not ended */
    ALREADY_LISTED(ProblemType.CONFLICT, "already-listed"),
    ALREADY_REMOVED(ProblemType.CONFLICT, "already-removed"),
    NOT_IN_FORCE_YET(ProblemType.CONFLICT, "not-in-force-yet");

    private final ProblemType problem;
    private final String code;

    CreditListRejection(ProblemType problem, String code) {
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
