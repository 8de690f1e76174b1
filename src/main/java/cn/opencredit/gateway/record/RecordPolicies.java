package cn.opencredit.gateway.record;

import cn.opencredit.gateway.shared.security.ApiClient;

/** Whose view of a subject's records a caller gets; what each view shows is {@link RecordVisibility}. */
final class RecordPolicies {

    private RecordPolicies() {
    }

    /**
     * The audience a caller reads a subject's records as. Departments and operators share
     * government data (政务共享); a subject consumer sees its own records up to the authorised
     * level, and another subject's as the public does; everyone else is the public. A bank's or
     * agency's authorised view needs the subject's authorisation, which is not recorded yet, so
     * they read as the public.
     *
     * @param callerType  the caller's consumer type code ({@code DEPARTMENT}, {@code SUBJECT} …), or
     *                    {@code ANONYMOUS}
     * @param callerUscc  the USCC a subject consumer is bound to, else null
     * @param subjectUscc the subject whose records are read
     */
    static RecordAudience audience(String callerType, String callerUscc, String subjectUscc) {
        if (ApiClient.DEPARTMENT_TYPE.equals(callerType) || ApiClient.OPERATOR_TYPE.equals(callerType)) {
            return RecordAudience.GOVERNMENT;
        }
        if (ApiClient.SUBJECT_TYPE.equals(callerType) && subjectUscc.equals(callerUscc)) {
            return RecordAudience.SELF;
        }
        return RecordAudience.PUBLIC;
    }

}
