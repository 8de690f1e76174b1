package cn.opencredit.gateway.objection;

import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Rejection;

/** Why the objection workflow refuses a request. */
enum ObjectionRejection implements Rejection {
    /** Apps, departments and anonymous callers do not file objections */
    NOT_A_FILER(ProblemType.FORBIDDEN, "not-a-filer"),
    /** A subject disputes its own records only */
    NOT_YOUR_RECORD(ProblemType.FORBIDDEN, "not-your-record"),
    /** The source department decides, or an operator */
    OTHER_DEPARTMENT(ProblemType.FORBIDDEN, "other-department"),
    /** Only who filed withdraws */
    NOT_YOUR_OBJECTION(ProblemType.FORBIDDEN, "not-your-objection"),
    /** Someone may read an objection only as its filer, its subject, its department or an operator */
    NOT_A_PARTY(ProblemType.FORBIDDEN, "not-a-party"),
    /** The record is under objection already */
    ALREADY_DISPUTED(ProblemType.CONFLICT, "already-disputed"),
    /** A repaired or revoked record is no longer published: nothing to dispute */
    NOT_DISPUTABLE(ProblemType.CONFLICT, "not-disputable"),
    /** The objection was decided or withdrawn already */
    NOT_OPEN(ProblemType.CONFLICT, "not-open"),
    /** The request was made on an older version of the objection */
    STALE_VERSION(ProblemType.CONFLICT, "stale-version"),
    /** A correction changes something */
    NOTHING_CORRECTED(ProblemType.VALIDATION_FAILED, "nothing-corrected"),
    /** A correction is given only with the outcome corrected */
    CORRECTION_NOT_ALLOWED(ProblemType.VALIDATION_FAILED, "not-allowed");

    private final ProblemType problem;
    private final String code;

    ObjectionRejection(ProblemType problem, String code) {
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
