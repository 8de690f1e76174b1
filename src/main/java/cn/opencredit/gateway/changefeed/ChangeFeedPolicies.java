package cn.opencredit.gateway.changefeed;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.RecordStatus;

/** What the public feed shows of a change. Pure rules over the row as it is when the page is read. */
final class ChangeFeedPolicies {

    /**
     * The statuses in which a public record is published: the record capability's
     * RecordPolicies.PUBLICLY_LISTED_STATUSES, repeated here and in changefeed_record_public() (V009),
     * which decides what the triggers queue at all.
     */
    static final Set<RecordStatus> PUBLISHED_STATUSES = EnumSet.of(RecordStatus.PUBLISHED, RecordStatus.DISPUTED, RecordStatus.CORRECTED);

    private ChangeFeedPolicies() {
    }

    /**
     * A record is shown while the public may see it: public level, a published status, and a
     * publication that has not ended. A publication that has not started yet is shown with its
     * {@code publishedFrom}, because its start writes nothing and so would never reach the feed.
     */
    static boolean recordShownPolicy(DisclosureLevel level, RecordStatus status, LocalDate publishedUntil, LocalDate today) {
        return level == DisclosureLevel.PUBLIC && PUBLISHED_STATUSES.contains(status)
                && (publishedUntil == null || !publishedUntil.isBefore(today));
    }

    /**
     * A deleted row, or one that is not public when the page is read, is a tombstone whatever the
     * stored operation was: a consumer that catches up after a repair never receives the repaired
     * failing, not even from the change that first published it.
     */
    static ChangeOperation operationPolicy(String storedOperation, boolean shownNow) {
        if (!shownNow || "DELETE".equals(storedOperation)) {
            return ChangeOperation.UNPUBLISHED;
        }
        return "INSERT".equals(storedOperation) ? ChangeOperation.CREATED : ChangeOperation.UPDATED;
    }
}
