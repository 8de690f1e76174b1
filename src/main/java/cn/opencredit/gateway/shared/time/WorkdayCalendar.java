package cn.opencredit.gateway.shared.time;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * China's working days: Monday to Friday, except the public holidays the State Council announces
 * each year, plus the weekend days it turns into working days (调休). A year is known only once its
 * announcement has been loaded; a date of a year that is not loaded is reckoned on plain weekdays,
 * and {@link #covers(LocalDate, LocalDate)} tells callers so that they can flag the result instead
 * of passing it off as exact.
 * <p>
 * The file format is that of {@code calendar/cn-workday-calendar.json}: {@code years} maps a year to
 * its {@code holidays} (inclusive {@code from}/{@code to} ranges, weekends inside a break included)
 * and its adjusted {@code workdays}. A holiday range may reach into the neighbouring year (元旦
 * breaks sometimes start on 30 or 31 December); those dates are honoured even when that year is not
 * otherwise loaded.
 */
public final class WorkdayCalendar {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A break is never this long; a longer range is a typing error in the file. */
    private static final int LONGEST_BREAK_DAYS = 31;

    private final Map<Integer, Year> byYear;
    private final SortedSet<Integer> years;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;

    private WorkdayCalendar(Map<Integer, Year> byYear) {
        this.byYear = Collections.unmodifiableMap(new TreeMap<>(byYear));
        this.years = Collections.unmodifiableSortedSet(new TreeSet<>(byYear.keySet()));
        Set<LocalDate> allHolidays = new HashSet<>();
        Set<LocalDate> allWorkdays = new HashSet<>();
        byYear.values().forEach(year -> {
            allHolidays.addAll(year.holidays());
            allWorkdays.addAll(year.workdays());
        });
        this.holidays = Set.copyOf(allHolidays);
        this.workdays = Set.copyOf(allWorkdays);
    }

    /** A calendar that knows no year: every date is reckoned on plain weekdays and nothing is covered. */
    public static WorkdayCalendar empty() {
        return new WorkdayCalendar(Map.of());
    }

    /**
     * Reads one file of announced years.
     *
     * @param source names the file in error messages
     * @throws IllegalArgumentException when the file is not in the format, a date is invalid, a range
     *                                  is reversed or implausibly long, or a workday lies inside a holiday
     */
    public static WorkdayCalendar parse(InputStream json, String source) throws IOException {
        JsonNode root = JSON.readTree(json);
        JsonNode yearsNode = root == null ? null : root.get("years");
        if (yearsNode == null || !yearsNode.isObject()) {
            throw invalid(source, "has no \"years\" object");
        }
        Map<Integer, Year> parsed = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : yearsNode.properties()) {
            if (!entry.getKey().matches("\\d{4}")) {
                throw invalid(source, "year \"" + entry.getKey() + "\" is not a four-digit year");
            }
            int year = Integer.parseInt(entry.getKey());
            parsed.put(year, Year.parse(year, entry.getValue(), source));
        }
        return new WorkdayCalendar(parsed);
    }

    /** This calendar with the years of {@code later} added; a year present in both is taken from {@code later} as a whole. */
    public WorkdayCalendar with(WorkdayCalendar later) {
        Map<Integer, Year> merged = new TreeMap<>(byYear);
        merged.putAll(later.byYear);
        return new WorkdayCalendar(merged);
    }

    /** The years whose announcement is loaded, ascending. */
    public SortedSet<Integer> years() {
        return years;
    }

    public boolean covers(LocalDate date) {
        return years.contains(date.getYear());
    }

    /** Whether every year from {@code from} to {@code to} (inclusive, in either order) is loaded. */
    public boolean covers(LocalDate from, LocalDate to) {
        int first = Math.min(from.getYear(), to.getYear());
        int last = Math.max(from.getYear(), to.getYear());
        for (int year = first; year <= last; year++) {
            if (!years.contains(year)) {
                return false;
            }
        }
        return true;
    }

    /** Announced dates first; otherwise Monday to Friday, which for a year not loaded is only an estimate. */
    public boolean isWorkingDay(LocalDate date) {
        if (workdays.contains(date)) {
            return true;
        }
        if (holidays.contains(date)) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /**
     * The {@code n}th working day after {@code start}; {@code start} itself is never counted (the
     * statutory way of counting a deadline "within n working days of" an act).
     */
    public LocalDate workingDayAfter(LocalDate start, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        LocalDate date = start;
        int counted = 0;
        while (counted < n) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** The working days after {@code startExclusive} up to and including {@code endInclusive}; 0 when the end is not after the start. */
    public int workingDaysBetween(LocalDate startExclusive, LocalDate endInclusive) {
        int count = 0;
        for (LocalDate date = startExclusive.plusDays(1); !date.isAfter(endInclusive); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    private static IllegalArgumentException invalid(String source, String problem) {
        return new IllegalArgumentException("Workday calendar " + source + " " + problem);
    }

    private record Year(Set<LocalDate> holidays, Set<LocalDate> workdays) {

        static Year parse(int year, JsonNode node, String source) {
            Set<LocalDate> holidays = new HashSet<>();
            Set<LocalDate> workdays = new HashSet<>();
            for (JsonNode range : array(node, "holidays", year, source)) {
                LocalDate from = date(range.get("from"), year, source);
                LocalDate to = date(range.get("to"), year, source);
                if (to.isBefore(from) || from.plusDays(LONGEST_BREAK_DAYS).isBefore(to)) {
                    throw invalid(source, "year " + year + ": holiday " + from + " to " + to + " is reversed or longer than "
                            + LONGEST_BREAK_DAYS + " days");
                }
                if (Math.abs(from.getYear() - year) > 1 || Math.abs(to.getYear() - year) > 1) {
                    throw invalid(source, "year " + year + ": holiday " + from + " to " + to + " is not in or next to " + year);
                }
                from.datesUntil(to.plusDays(1)).forEach(holidays::add);
            }
            for (JsonNode day : array(node, "workdays", year, source)) {
                LocalDate workday = date(day, year, source);
                if (workday.getYear() != year) {
                    throw invalid(source, "year " + year + ": workday " + workday + " is in another year");
                }
                workdays.add(workday);
            }
            Set<LocalDate> clash = new TreeSet<>(holidays);
            clash.retainAll(workdays);
            if (!clash.isEmpty()) {
                throw invalid(source, "year " + year + ": " + clash + " listed both as holiday and as workday");
            }
            return new Year(holidays, workdays);
        }

        private static Iterable<JsonNode> array(JsonNode node, String field, int year, String source) {
            JsonNode array = node == null ? null : node.get(field);
            if (array == null || !array.isArray()) {
                throw invalid(source, "year " + year + " has no \"" + field + "\" array");
            }
            return array;
        }

        private static LocalDate date(JsonNode node, int year, String source) {
            if (node == null || !node.isTextual()) {
                throw invalid(source, "year " + year + ": a date is missing or not a string");
            }
            try {
                return LocalDate.parse(node.asText());
            } catch (DateTimeParseException e) {
                throw invalid(source, "year " + year + ": \"" + node.asText() + "\" is not an ISO date");
            }
        }
    }
}
