package cn.opencredit.gateway.changefeed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.RecordStatus;

class ChangeFeedPoliciesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void shouldShowPublicPublishedDisputedAndCorrectedRecordsUntilTheirPublicationEnds() {
        for (RecordStatus status : new RecordStatus[] {RecordStatus.PUBLISHED, RecordStatus.DISPUTED, RecordStatus.CORRECTED}) {
            assertTrue(ChangeFeedPolicies.recordShownPolicy(DisclosureLevel.PUBLIC, status, null, TODAY));
            assertTrue(ChangeFeedPolicies.recordShownPolicy(DisclosureLevel.PUBLIC, status, TODAY, TODAY));
            assertFalse(ChangeFeedPolicies.recordShownPolicy(DisclosureLevel.PUBLIC, status, TODAY.minusDays(1), TODAY));
        }
    }

    @Test
    void shouldHideRepairedRevokedAndNonPublicRecords() {
        assertFalse(ChangeFeedPolicies.recordShownPolicy(DisclosureLevel.PUBLIC, RecordStatus.REPAIRED, null, TODAY));
        assertFalse(ChangeFeedPolicies.recordShownPolicy(DisclosureLevel.PUBLIC, RecordStatus.REVOKED, null, TODAY));
        assertFalse(ChangeFeedPolicies.recordShownPolicy(DisclosureLevel.AUTHORISED, RecordStatus.PUBLISHED, null, TODAY));
        assertFalse(ChangeFeedPolicies.recordShownPolicy(DisclosureLevel.GOVERNMENT, RecordStatus.PUBLISHED, null, TODAY));
    }

    @Test
    void shouldTurnEveryChangeOfARowThatIsNotShownIntoATombstone() {
        assertEquals(ChangeOperation.CREATED, ChangeFeedPolicies.operationPolicy("INSERT", true));
        assertEquals(ChangeOperation.UPDATED, ChangeFeedPolicies.operationPolicy("UPDATE", true));
        assertEquals(ChangeOperation.UNPUBLISHED, ChangeFeedPolicies.operationPolicy("INSERT", false));
        assertEquals(ChangeOperation.UNPUBLISHED, ChangeFeedPolicies.operationPolicy("UPDATE", false));
        assertEquals(ChangeOperation.UNPUBLISHED, ChangeFeedPolicies.operationPolicy("DELETE", false));
    }

    @Test
    void shouldReadBackTheCursorItWrote() {
        assertEquals(1048577L, ChangeCursor.parse(new ChangeCursor(1048577L).encode()).position());
        assertEquals(0L, ChangeCursor.parse(null).position());
        assertEquals(0L, ChangeCursor.parse("").position());
    }
}
