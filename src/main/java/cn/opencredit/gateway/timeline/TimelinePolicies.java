package cn.opencredit.gateway.timeline;

import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;

/** Who may read a subject's timeline. */
final class TimelinePolicies {

    private TimelinePolicies() {
    }

    /** The subject itself, through a consumer bound to its USCC, and operators. */
    static Verdict readerPolicy(ApiClient caller, String subjectUscc) {
        if (caller != null && (ApiClient.OPERATOR_TYPE.equals(caller.type())
                || (ApiClient.SUBJECT_TYPE.equals(caller.type()) && subjectUscc.equals(caller.boundUscc())))) {
            return Verdict.ALLOWED;
        }
        return Verdict.rejected(TimelineRejection.NOT_YOURS, "A subject's timeline is for the subject itself and operators");
    }
}
