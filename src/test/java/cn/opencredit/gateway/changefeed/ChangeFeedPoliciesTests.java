package cn.opencredit.gateway.changefeed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.RecordStatus;

/** Each rule of the public feed, with a case for every condition that would go unnoticed if it were dropped. */
class ChangeFeedPoliciesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    /** What the public may see of a record's status: shown, marked disputed, or in its corrected form. */
    private static final Set<RecordStatus> SHOWN_STATUSES = Set.of(RecordStatus.PUBLISHED, RecordStatus.DISPUTED, RecordStatus.CORRECTED);

    /** Every level and status, with an open publication: only public records of a shown status are in the feed. */
    @Test
    void shouldShowOnlyPublicRecordsOfAShownStatus() {
        for (DisclosureLevel level : DisclosureLevel.values()) {
            for (RecordStatus status : RecordStatus.values()) {
                boolean expected = level == DisclosureLevel.PUBLIC && SHOWN_STATUSES.contains(status);
                assertEquals(expected, ChangeFeedPolicies.recordShownPolicy(level, status, null, TODAY), level + " " + status);
            }
        }
    }

    @Test
    void shouldShowARecordUntilTheLastDayOfItsPublication() {
        for (RecordStatus status : SHOWN_STATUSES) {
            assertTrue(ChangeFeedPolicies.recordShownPolicy(DisclosureLevel.PUBLIC, status, TODAY.plusDays(1), TODAY), status.name());
            assertTrue(ChangeFeedPolicies.recordShownPolicy(DisclosureLevel.PUBLIC, status, TODAY, TODAY), status.name());
            assertFalse(ChangeFeedPolicies.recordShownPolicy(DisclosureLevel.PUBLIC, status, TODAY.minusDays(1), TODAY), status.name());
        }
    }

    /** A publication that is still open does not make a record public that is not. */
    @Test
    void shouldHideNonPublicOrUnlistedRecordsWhosePublicationIsOpen() {
        assertFalse(ChangeFeedPolicies.recordShownPolicy(DisclosureLevel.AUTHORISED, RecordStatus.PUBLISHED, TODAY.plusYears(1), TODAY));
        assertFalse(ChangeFeedPolicies.recordShownPolicy(DisclosureLevel.GOVERNMENT, RecordStatus.DISPUTED, TODAY, TODAY));
        assertFalse(ChangeFeedPolicies.recordShownPolicy(DisclosureLevel.PUBLIC, RecordStatus.REPAIRED, TODAY.plusYears(1), TODAY));
        assertFalse(ChangeFeedPolicies.recordShownPolicy(DisclosureLevel.PUBLIC, RecordStatus.REVOKED, TODAY, TODAY));
    }

    /**
     * A row shown now keeps its stored operation, except a deletion, which is a tombstone even if
     * the row's data is still at hand; a row not shown now is a tombstone whatever was stored.
     */
    @ParameterizedTest(name = "{0}, shown now: {1} → {2}")
    @CsvSource({
            "INSERT, true,  CREATED",
            "UPDATE, true,  UPDATED",
            "DELETE, true,  UNPUBLISHED",
            "INSERT, false, UNPUBLISHED",
            "UPDATE, false, UNPUBLISHED",
            "DELETE, false, UNPUBLISHED"})
    void shouldNameTheOperationAConsumerAppliesToItsCopy(String stored, boolean shownNow, ChangeOperation expected) {
        assertEquals(expected, ChangeFeedPolicies.operationPolicy(stored, shownNow));
    }

    @Test
    void shouldReadBackTheCursorItWrote() {
        assertEquals(1048577L, ChangeCursor.parse(new ChangeCursor(1048577L).encode()).position());
        assertEquals(0L, ChangeCursor.parse(null).position());
        assertEquals(0L, ChangeCursor.parse("").position());
    }
}
