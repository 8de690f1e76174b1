package cn.opencredit.gateway.evidence;

import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Rejection;

enum EvidenceRejection implements Rejection {
    /** Not a PDF, JPEG or PNG by its content */
    UNSUPPORTED_TYPE(ProblemType.UNSUPPORTED_MEDIA_TYPE, "unsupported-type"),
    /** The content is of another type than the one declared */
    TYPE_MISMATCH(ProblemType.UNSUPPORTED_MEDIA_TYPE, "type-mismatch"),
    TOO_LARGE(ProblemType.PAYLOAD_TOO_LARGE, "too-large"),
    EMPTY(ProblemType.VALIDATION_FAILED, "empty"),
    /** Evidence is read by who uploaded it, operators and departments */
    NOT_YOURS(ProblemType.FORBIDDEN, "not-yours"),
    /** A case cites only evidence its filer uploaded */
    NOT_UPLOADED_BY_FILER(ProblemType.VALIDATION_FAILED, "not-uploaded-by-filer");

    private final ProblemType problem;
    private final String code;

    EvidenceRejection(ProblemType problem, String code) {
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
