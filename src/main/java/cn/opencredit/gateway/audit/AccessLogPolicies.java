package cn.opencredit.gateway.audit;

import java.util.Set;

import cn.opencredit.gateway.shared.security.Scopes;

/** Who may read a subject's access log. */
final class AccessLogPolicies {

    private AccessLogPolicies() {
    }

    /** Supervisors read any subject's log; a subject reads only its own, through the consumer bound to it. */
    static boolean mayReadPolicy(Set<String> scopes, String boundUscc, String subjectUscc) {
        return scopes.contains(Scopes.AUDIT_READ) || scopes.contains(Scopes.SELF_READ) && subjectUscc.equals(boundUscc);
    }
}
