package cn.opencredit.gateway.audit;

import java.util.Set;

import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Rejection;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.Scopes;

/** Who may read a subject's access log. */
final class AccessLogPolicies {

    /** Why an access log is not shown. */
    enum AuditRejection implements Rejection {
        NOT_YOURS;

        @Override
        public ProblemType problem() {
            return ProblemType.FORBIDDEN;
        }

        @Override
        public String code() {
            return "not-yours";
        }
    }

    private AccessLogPolicies() {
    }

    /** Supervisors read any subject's log; a subject reads only its own, through the consumer bound to it. */
    static Verdict mayReadPolicy(Set<String> scopes, String boundUscc, String subjectUscc) {
        return scopes.contains(Scopes.AUDIT_READ) || scopes.contains(Scopes.SELF_READ) && subjectUscc.equals(boundUscc) ? Verdict.ALLOWED
                : Verdict.rejected(AuditRejection.NOT_YOURS, "Only the subject itself and supervisors may read its access log");
    }
}
