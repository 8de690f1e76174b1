package cn.opencredit.gateway.record;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import cn.opencredit.gateway.shared.security.ApiClient;

/** Which records whom may see. Pure rules: the repository turns them into SQL parameters. */
final class RecordPolicies {

    /**
     * A disputed record stays visible, marked as disputed, until the provider decides; a
     * corrected one is shown in its corrected form; repaired and revoked ones stop being published.
     */
    static final Set<RecordStatus> PUBLICLY_LISTED_STATUSES = EnumSet.of(RecordStatus.PUBLISHED, RecordStatus.DISPUTED,
            RecordStatus.CORRECTED);

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

    /** A disclosure level of the audience, a published status and today inside its publication window. */
    static boolean visible(RecordAudience audience, DisclosureLevel level, RecordStatus status, LocalDate publishedFrom,
            LocalDate publishedUntil, LocalDate today) {
        return audience.levels().contains(level)
                && PUBLICLY_LISTED_STATUSES.contains(status)
                && !publishedFrom.isAfter(today)
                && (publishedUntil == null || !publishedUntil.isBefore(today));
    }
}
