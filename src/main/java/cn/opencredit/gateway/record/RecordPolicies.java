package cn.opencredit.gateway.record;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** Which records the public may see. Pure rules: the repository turns them into SQL parameters. */
final class RecordPolicies {

    /**
     * A disputed record stays visible, marked as disputed, until the provider decides; a
     * corrected one is shown in its corrected form; repaired and revoked ones stop being published.
     */
    static final Set<RecordStatus> PUBLICLY_LISTED_STATUSES = EnumSet.of(RecordStatus.PUBLISHED, RecordStatus.DISPUTED,
            RecordStatus.CORRECTED);

    private RecordPolicies() {
    }

    /** Public disclosure level, a published status and today inside its publication window. */
    static boolean publiclyVisible(DisclosureLevel level, RecordStatus status, LocalDate publishedFrom, LocalDate publishedUntil,
            LocalDate today) {
        return level == DisclosureLevel.PUBLIC
                && PUBLICLY_LISTED_STATUSES.contains(status)
                && !publishedFrom.isAfter(today)
                && (publishedUntil == null || !publishedUntil.isBefore(today));
    }
}
