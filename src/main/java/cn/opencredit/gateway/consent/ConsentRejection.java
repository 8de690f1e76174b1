package cn.opencredit.gateway.consent;

import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Rejection;

/** Why the consent workflow refuses a request, or a read under consent is refused. */
enum ConsentRejection implements Rejection {
    /** Consents are given by the subject itself */
    NOT_A_GRANTOR(ProblemType.FORBIDDEN, "not-a-grantor"),
    /** A subject consents for itself only */
    OTHER_SUBJECT(ProblemType.FORBIDDEN, "other-subject"),
    /** Consents are seen by their subject, their grantee and operators only: to others they do not exist */
    NOT_A_PARTY(ProblemType.NOT_FOUND, "not-found"),
    /** The grantee is no active consumer */
    UNKNOWN_GRANTEE(ProblemType.VALIDATION_FAILED, "unknown-grantee"),
    /** Finance purposes go to banks, incentives to apps */
    GRANTEE_TYPE(ProblemType.VALIDATION_FAILED, "grantee-type"),
    /** An operator records a signed consent by its document number */
    REFERENCE_REQUIRED(ProblemType.VALIDATION_FAILED, "required"),
    PERIOD_TOO_LONG(ProblemType.VALIDATION_FAILED, "too-long"),
    PERIOD_OVER(ProblemType.VALIDATION_FAILED, "in-the-past"),
    NOT_ACTIVE(ProblemType.CONFLICT, "not-active"),
    STALE_VERSION(ProblemType.CONFLICT, "stale-version"),
    REQUIRED(ProblemType.CONSENT_REQUIRED, "consent-required"),
    EXPIRED(ProblemType.CONSENT_EXPIRED, "consent-expired"),
    REVOKED(ProblemType.CONSENT_REVOKED, "consent-revoked"),
    CATEGORY(ProblemType.CATEGORY_NOT_CONSENTED, "category-not-consented");

    private final ProblemType problem;
    private final String code;

    ConsentRejection(ProblemType problem, String code) {
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
