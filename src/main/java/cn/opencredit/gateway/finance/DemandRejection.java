package cn.opencredit.gateway.finance;

import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Rejection;

/** Why the 信易贷 market refuses a request: demands, the banks' answers, acceptance, outcomes, the featured feed. */
enum DemandRejection implements Rejection {
    /** Enterprises act for themselves; operators for an enterprise at the service window; nobody else */
    NOT_AN_ENTERPRISE(ProblemType.FORBIDDEN, "not-an-enterprise"),
    /** A subject consumer acts for its own USCC only */
    OTHER_SUBJECT(ProblemType.FORBIDDEN, "other-subject"),
    /** The demand does not exist, or is not the caller's to see: another enterprise's, or not sent to this bank */
    NOT_FOUND(ProblemType.NOT_FOUND, "not-found"),
    /** The demand was accepted or withdrawn already */
    NOT_OPEN(ProblemType.CONFLICT, "not-open"),
    /** The request was made on an older version of the demand */
    STALE_VERSION(ProblemType.CONFLICT, "stale-version"),
    /** A bank answers a demand once */
    ALREADY_ANSWERED(ProblemType.CONFLICT, "already-answered"),
    /** A bank reports one outcome per demand */
    ALREADY_REPORTED(ProblemType.CONFLICT, "already-reported"),
    /** No loan is granted on a demand its enterprise withdrew */
    DEMAND_WITHDRAWN(ProblemType.CONFLICT, "demand-withdrawn"),
    /** A required field is missing */
    REQUIRED(ProblemType.VALIDATION_FAILED, "required"),
    /** A field the decision or result does not take */
    NOT_ALLOWED(ProblemType.VALIDATION_FAILED, "not-allowed"),
    /** A number that is not a plain decimal */
    FORMAT(ProblemType.VALIDATION_FAILED, "format"),
    /** An amount of 0 or less */
    NOT_POSITIVE(ProblemType.VALIDATION_FAILED, "not-positive"),
    /** More decimals than the field keeps (2 for yuan, 3 for rates) */
    TOO_PRECISE(ProblemType.VALIDATION_FAILED, "too-precise"),
    /** An amount or rate beyond what the field keeps */
    OUT_OF_RANGE(ProblemType.VALIDATION_FAILED, "out-of-range"),
    /** A currency other than CNY */
    CURRENCY(ProblemType.VALIDATION_FAILED, "currency"),
    /** A rate band whose upper end is below its lower end */
    INVERTED_BAND(ProblemType.VALIDATION_FAILED, "inverted-band"),
    /** A bank id that is no consumer */
    UNKNOWN_BANK(ProblemType.VALIDATION_FAILED, "unknown-bank"),
    /** A consumer that is not an active bank */
    NOT_A_BANK(ProblemType.VALIDATION_FAILED, "not-a-bank"),
    /** An offer id that is not an answer to this demand */
    UNKNOWN_OFFER(ProblemType.VALIDATION_FAILED, "unknown-offer"),
    /** A decline, or an offer no longer made, cannot be accepted */
    NOT_AN_OFFER(ProblemType.VALIDATION_FAILED, "not-an-offer"),
    /** A decision day after today */
    IN_THE_FUTURE(ProblemType.VALIDATION_FAILED, "in-the-future"),
    /** A decision day before the demand was posted */
    BEFORE_DEMAND(ProblemType.VALIDATION_FAILED, "before-demand");

    private final ProblemType problem;
    private final String code;

    DemandRejection(ProblemType problem, String code) {
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
