package cn.opencredit.gateway.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The publication periods of the 信用修复管理办法, and how a sent end is capped to them. */
class PublicationPeriodsTests {

    private static final LocalDate DECIDED = LocalDate.of(2026, 4, 1);

    @Test
    void shouldEndAFailingAtItsLongestPeriodWhenTheSourceSentNoEnd() {
        assertEquals(new PublicationPeriods.Window(LocalDate.of(2026, 7, 1), false), PublicationPeriods.window(Severity.MINOR, DECIDED, null));
        assertEquals(new PublicationPeriods.Window(LocalDate.of(2027, 4, 1), false), PublicationPeriods.window(Severity.GENERAL, DECIDED, null));
        assertEquals(new PublicationPeriods.Window(LocalDate.of(2029, 4, 1), false), PublicationPeriods.window(Severity.SERIOUS, DECIDED, null));
    }

    @Test
    void shouldCapAnEndPastTheLongestPeriodAndSaySo() {
        assertEquals(new PublicationPeriods.Window(LocalDate.of(2027, 4, 1), true),
                PublicationPeriods.window(Severity.GENERAL, DECIDED, LocalDate.of(2029, 4, 1)));
        assertEquals(new PublicationPeriods.Window(LocalDate.of(2027, 4, 1), false),
                PublicationPeriods.window(Severity.GENERAL, DECIDED, LocalDate.of(2027, 4, 1)), "the last allowed day is kept");
        assertEquals(new PublicationPeriods.Window(LocalDate.of(2026, 9, 1), false),
                PublicationPeriods.window(Severity.GENERAL, DECIDED, LocalDate.of(2026, 9, 1)), "a shorter end is the authority's to set");
    }

    @Test
    void shouldLeaveRecordsThatAreNotFailingsAsSent() {
        assertEquals(new PublicationPeriods.Window(null, false), PublicationPeriods.window(null, DECIDED, null));
        assertEquals(new PublicationPeriods.Window(LocalDate.of(2036, 1, 1), false),
                PublicationPeriods.window(null, DECIDED, LocalDate.of(2036, 1, 1)));
    }

    @Test
    void shouldLetRepairBeAppliedForAfterTheShortestPeriod() {
        assertEquals(DECIDED, PublicationPeriods.repairableFrom(Severity.MINOR, DECIDED), "as soon as the obligations are performed");
        assertEquals(LocalDate.of(2026, 7, 1), PublicationPeriods.repairableFrom(Severity.GENERAL, DECIDED));
        assertEquals(LocalDate.of(2027, 4, 1), PublicationPeriods.repairableFrom(Severity.SERIOUS, DECIDED));
    }
}
