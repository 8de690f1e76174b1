package cn.opencredit.gateway.shared.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped 2025 and 2026 calendars, counted by hand from the State Council notices. */
class WorkdayCalendarTests {

    private static final WorkdayCalendar SHIPPED = WorkdayCalendarProducer.load(List.of());

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void shouldCoverExactlyTheShippedYears() {
        assertEquals(List.of(2025, 2026), List.copyOf(SHIPPED.years()));
        assertTrue(SHIPPED.covers(d("2025-01-01"), d("2026-12-31")));
        assertFalse(SHIPPED.covers(d("2026-12-31"), d("2027-01-01")));
        assertFalse(SHIPPED.covers(d("2024-12-31")));
    }

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({
            "2026-10-10, true",   // Saturday made a working day for 国庆节
            "2026-10-05, false",  // Monday inside 国庆节
            "2026-10-08, true",   // first day back
            "2026-01-04, true",   // Sunday made a working day for 元旦
            "2026-01-02, false",  // Friday inside 元旦
            "2026-02-14, true",   // Saturday before 春节
            "2026-02-23, false",  // Monday, last day of 春节
            "2026-02-28, true",   // Saturday after 春节
            "2026-09-20, true",   // Sunday before 中秋节
            "2026-09-25, false",  // Friday, 中秋节
            "2026-03-07, false",  // plain Saturday
            "2026-03-09, true",   // plain Monday
            "2025-01-26, true",   // Sunday before 春节 2025
            "2025-02-04, false",  // Tuesday inside 春节 2025
            "2025-10-08, false",  // Wednesday, last day of 国庆节、中秋节 2025
            "2025-10-11, true",   // Saturday after it
            "2025-05-05, false"}) // Monday inside 劳动节 2025
    void shouldKnowAdjustedWorkdaysAndHolidays(LocalDate date, boolean working) {
        assertEquals(working, SHIPPED.isWorkingDay(date));
    }

    @ParameterizedTest(name = "decided {0} -> due {1}")
    @CsvSource({
            // 10-01..10-07 off, 10-08 Thu (1), 10-09 (2), Saturday 10-10 (3), 10-12..10-15 (4-7)
            "2026-09-30, 2026-10-15",
            // Sunday 09-20 worked (1), 09-21..24 (2-5), 中秋 09-25..27 off, 09-28 (6), 09-29 (7)
            "2026-09-18, 2026-09-29",
            // 02-13 (1), Saturday 02-14 (2), 02-15..23 off, 02-24..27 (3-6), Saturday 02-28 (7)
            "2026-02-12, 2026-02-28",
            // across the year end: 12-25..12-31 (1-5), 元旦 01-01..03 off, Sunday 01-04 (6), 01-05 (7)
            "2025-12-24, 2026-01-05",
            // 10-01..10-08 off, 10-09 (1), 10-10 (2), Saturday 10-11 (3), 10-13..10-16 (4-7)
            "2025-09-30, 2025-10-16",
            // Sunday 01-26 (1), 01-27 (2), 春节 01-28..02-04 off, 02-05..07 (3-5), Saturday 02-08 (6), 02-10 (7)
            "2025-01-24, 2025-02-10",
            // an ordinary week: the next Wednesday but one
            "2026-11-02, 2026-11-11",
            // a decision on a holiday counts from the next working day
            "2026-10-03, 2026-10-15"})
    void shouldFindTheSeventhWorkingDayAfterTheDecision(LocalDate decided, LocalDate due) {
        assertEquals(due, SHIPPED.workingDayAfter(decided, 7));
        assertTrue(SHIPPED.covers(decided, due));
    }

    @Test
    void shouldCountWorkingDaysWithoutTheStartingDay() {
        assertEquals(0, SHIPPED.workingDaysBetween(d("2026-09-30"), d("2026-09-30")));
        assertEquals(0, SHIPPED.workingDaysBetween(d("2026-09-30"), d("2026-10-07")));
        assertEquals(3, SHIPPED.workingDaysBetween(d("2026-09-30"), d("2026-10-11")));
        assertEquals(7, SHIPPED.workingDaysBetween(d("2026-09-30"), d("2026-10-15")));
        assertEquals(8, SHIPPED.workingDaysBetween(d("2026-09-30"), d("2026-10-16")));
        assertEquals(0, SHIPPED.workingDaysBetween(d("2026-10-16"), d("2026-09-30")));
        // 2025 has 248 working days: 261 weekdays - 18 weekday holidays + 5 adjusted weekend days
        assertEquals(248, SHIPPED.workingDaysBetween(d("2024-12-31"), d("2025-12-31")));
    }

    @Test
    void shouldReckonYearsNotLoadedOnPlainWeekdaysAndSaySo() {
        // 12-29..12-31 (1-3), 2027-01-01 is a Friday: a working day for all the calendar knows (4), 01-04..06 (5-7)
        LocalDate due = SHIPPED.workingDayAfter(d("2026-12-28"), 7);
        assertEquals(d("2027-01-06"), due);
        assertFalse(SHIPPED.covers(d("2026-12-28"), due));
        assertTrue(SHIPPED.isWorkingDay(d("2027-01-01")));
        assertFalse(SHIPPED.isWorkingDay(d("2027-01-02")));
        assertEquals(d("2024-10-10"), SHIPPED.workingDayAfter(d("2024-10-01"), 7));
        assertFalse(SHIPPED.covers(d("2024-10-01")));
    }

    @Test
    void shouldAddLaterYearsFromAnotherFile() throws IOException {
        WorkdayCalendar with2027 = SHIPPED.with(parse("""
                {"years": {"2027": {"holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}],
                                    "workdays": ["2027-01-09"]}}}"""));
        assertEquals(List.of(2025, 2026, 2027), List.copyOf(with2027.years()));
        assertFalse(with2027.isWorkingDay(d("2027-01-01")));
        assertTrue(with2027.isWorkingDay(d("2027-01-09")));
        // 12-29..31 (1-3), 元旦 off, 01-04..07 (4-7)
        assertEquals(d("2027-01-07"), with2027.workingDayAfter(d("2026-12-28"), 7));
        assertTrue(with2027.covers(d("2026-12-28"), d("2027-01-07")));
        assertFalse(SHIPPED.covers(d("2027-01-01")));
    }

    @Test
    void shouldReplaceAYearWholesaleWhenALaterFileHasIt() throws IOException {
        WorkdayCalendar corrected = SHIPPED.with(parse("""
                {"years": {"2026": {"holidays": [], "workdays": []}}}"""));
        assertTrue(corrected.isWorkingDay(d("2026-10-05")));
        assertFalse(corrected.isWorkingDay(d("2026-10-10")));
        assertFalse(corrected.isWorkingDay(d("2025-10-08")));
    }

    @Test
    void shouldHonourAHolidayThatReachesIntoTheYearBefore() throws IOException {
        WorkdayCalendar calendar = parse("""
                {"years": {"2030": {"holidays": [{"name": "元旦", "from": "2029-12-31", "to": "2030-01-01"}], "workdays": []}}}""");
        assertFalse(calendar.isWorkingDay(d("2029-12-31")));
        assertFalse(calendar.covers(d("2029-12-31")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"years\": []}",
            "{\"years\": {\"26\": {\"holidays\": [], \"workdays\": []}}}",
            "{\"years\": {\"2026\": {\"workdays\": []}}}",
            "{\"years\": {\"2026\": {\"holidays\": []}}}",
            "{\"years\": {\"2026\": {\"holidays\": [{\"from\": \"2026-10-07\", \"to\": \"2026-10-01\"}], \"workdays\": []}}}",
            "{\"years\": {\"2026\": {\"holidays\": [{\"from\": \"2026-01-01\", \"to\": \"2026-03-01\"}], \"workdays\": []}}}",
            "{\"years\": {\"2026\": {\"holidays\": [{\"from\": \"2026-02-30\", \"to\": \"2026-03-01\"}], \"workdays\": []}}}",
            "{\"years\": {\"2026\": {\"holidays\": [{\"from\": \"2020-10-01\", \"to\": \"2020-10-07\"}], \"workdays\": []}}}",
            "{\"years\": {\"2026\": {\"holidays\": [{\"from\": \"2026-10-01\"}], \"workdays\": []}}}",
            "{\"years\": {\"2026\": {\"holidays\": [{\"from\": \"2026-10-01\", \"to\": \"2026-10-07\"}], \"workdays\": [\"2026-10-03\"]}}}",
            "{\"years\": {\"2026\": {\"holidays\": [], \"workdays\": [\"2027-01-02\"]}}}",
            "{\"years\": {\"2026\": {\"holidays\": [], \"workdays\": [20261010]}}}"})
    void shouldRefuseMalformedCalendars(String json) {
        assertThrows(IllegalArgumentException.class, () -> parse(json));
    }

    @Test
    void shouldLoadExtraFilesInOrderAndRefuseMissingOnes(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("2027.json");
        Path second = dir.resolve("2027-corrected.json");
        Files.writeString(first, "{\"years\": {\"2027\": {\"holidays\": [{\"from\": \"2027-01-01\", \"to\": \"2027-01-03\"}], \"workdays\": []}}}");
        Files.writeString(second, "{\"years\": {\"2027\": {\"holidays\": [{\"from\": \"2027-01-01\", \"to\": \"2027-01-01\"}], \"workdays\": []}}}");
        WorkdayCalendar calendar = WorkdayCalendarProducer.load(List.of(first.toString(), second.toString()));
        assertEquals(List.of(2025, 2026, 2027), List.copyOf(calendar.years()));
        assertFalse(calendar.isWorkingDay(d("2027-01-01")));
        assertFalse(calendar.isWorkingDay(d("2027-01-02")));
        assertTrue(calendar.isWorkingDay(d("2027-01-04")));
        assertThrows(UncheckedIOException.class, () -> WorkdayCalendarProducer.load(List.of(dir.resolve("absent.json").toString())));
    }

    @Test
    void shouldRefuseNonPositiveCounts() {
        assertThrows(IllegalArgumentException.class, () -> SHIPPED.workingDayAfter(d("2026-01-05"), 0));
    }

    @Test
    void shouldKnowNothingWhenEmpty() {
        WorkdayCalendar empty = WorkdayCalendar.empty();
        assertTrue(empty.years().isEmpty());
        assertTrue(empty.isWorkingDay(d("2026-10-05")));
        assertFalse(empty.covers(d("2026-10-05")));
    }

    private static WorkdayCalendar parse(String json) throws IOException {
        return WorkdayCalendar.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
    }
}
