package cn.opencredit.gateway.repair;

import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Rejection;

/** Why the repair workflow refuses a request. */
enum RepairRejection implements Rejection {
    /** Apps, banks, agencies and departments do not apply for repair */
    NOT_AN_APPLICANT(ProblemType.FORBIDDEN, "not-an-applicant"),
    /** A subject applies for its own records only */
    NOT_YOUR_RECORD(ProblemType.FORBIDDEN, "not-your-record"),
    /** The authority that made the finding decides (谁认定、谁修复), or an operator */
    OTHER_DEPARTMENT(ProblemType.FORBIDDEN, "other-department"),
    /** Someone may read an application only as its applicant, its subject, its authority or an operator */
    NOT_A_PARTY(ProblemType.FORBIDDEN, "not-a-party"),
    /** Only failings (a record with a severity) are repaired */
    NOT_A_FAILING(ProblemType.CONFLICT, "not-a-failing"),
    /** The category is not repaired through this workflow */
    NOT_REPAIRABLE(ProblemType.CONFLICT, "not-repairable"),
    /** The record is under objection: the objection is decided first */
    UNDER_OBJECTION(ProblemType.CONFLICT, "under-objection"),
    /** The record is no longer published (repaired, revoked, or its publication ended) */
    NOT_PUBLISHED(ProblemType.CONFLICT, "not-published"),
    /** The shortest publication period has not passed */
    TOO_EARLY(ProblemType.CONFLICT, "too-early"),
    /** The legal obligations are not performed */
    OBLIGATIONS_NOT_PERFORMED(ProblemType.CONFLICT, "obligations-not-performed"),
    /** No evidence that the obligations were performed */
    NO_EVIDENCE(ProblemType.CONFLICT, "no-evidence"),
    /** The repair commitment was not accepted */
    NO_COMMITMENT(ProblemType.CONFLICT, "no-commitment"),
    /** An open application for the record exists */
    ALREADY_APPLIED(ProblemType.CONFLICT, "already-applied"),
    /** The black-list entry named is not the subject's current entry by the deciding authority */
    LIST_ENTRY_MISMATCH(ProblemType.CONFLICT, "list-entry-mismatch"),
    /** The application was decided already */
    NOT_OPEN(ProblemType.CONFLICT, "not-open"),
    /** The request was made on an older version of the application */
    STALE_VERSION(ProblemType.CONFLICT, "stale-version"),
    /** The commitment is the published text, word for word */
    NOT_THE_PUBLISHED_TEXT(ProblemType.VALIDATION_FAILED, "not-the-published-text");

    private final ProblemType problem;
    private final String code;

    RepairRejection(ProblemType problem, String code) {
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
