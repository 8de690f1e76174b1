package cn.opencredit.gateway.changefeed;

import java.time.LocalDate;

import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.RecordVisibility;

/** What the public feed shows of a change. Pure rules over the row as it is when the page is read. */
final class ChangeFeedPolicies {

    private ChangeFeedPolicies() {
    }

    /**
     * A record is shown while the public may see it: public level, a published status, and a
     * publication that has not ended. A publication that has not started yet is shown with its
     * {@code publishedFrom}, because its start writes nothing and so would never reach the feed.
     */
    static boolean recordShownPolicy(DisclosureLevel level, RecordStatus status, LocalDate publishedUntil, LocalDate today) {
        return RecordVisibility.publicAndListed(level, status) && RecordVisibility.inWindow(null, publishedUntil, today);
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
