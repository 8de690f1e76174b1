package cn.opencredit.gateway.record;

import java.time.LocalDate;
import java.time.Period;

/**
 * How long a failing is published, under the 《信用修复管理办法》 (NDRC, in force since
 * 2026-04-01), counted from the date of the decision: 轻微 failings at most 3 months (and repairable
 * as soon as the obligations are performed), 一般 at least 3 months and at most 1 year, 严重 at least
 * 1 year and at most 3 years. The shortest period is when repair may first be applied for; at the
 * longest, publication ends by itself. Records that are not failings (licences, honours …) carry no
 * severity and no legal bound.
 *
 * <p>Applied on every write path: a publication end sent past the longest period is capped to it,
 * not refused: the record is true and must be published, only not for longer than the law allows,
 * and the writer is told (an ingestion row carries a flag). An absent end is the longest period.
 */
public final class PublicationPeriods {

    /**
     * Where a failing's publication ends.
     *
     * @param until  the last day it is published; null for an open-ended record that is not a failing
     * @param capped whether the end sent was later than the law allows and was moved to the longest period
     */
    public record Window(LocalDate until, boolean capped) {
    }

    private PublicationPeriods() {
    }

    public static Period longest(Severity severity) {
        return switch (severity) {
            case MINOR -> Period.ofMonths(3);
            case GENERAL -> Period.ofYears(1);
            case SERIOUS -> Period.ofYears(3);
        };
    }

    public static Period shortest(Severity severity) {
        return switch (severity) {
            case MINOR -> Period.ZERO;
            case GENERAL -> Period.ofMonths(3);
            case SERIOUS -> Period.ofYears(1);
        };
    }

    /** The publication end of a record decided on {@code decisionDate}, given the end its source sent (null for none). */
    public static Window window(Severity severity, LocalDate decisionDate, LocalDate requestedUntil) {
        if (severity == null) {
            return new Window(requestedUntil, false);
        }
        LocalDate latest = decisionDate.plus(longest(severity));
        if (requestedUntil == null) {
            return new Window(latest, false);
        }
        return requestedUntil.isAfter(latest) ? new Window(latest, true) : new Window(requestedUntil, false);
    }

    /** The first day repair may be applied for (obligations performed and a commitment made). */
    public static LocalDate repairableFrom(Severity severity, LocalDate decisionDate) {
        return decisionDate.plus(shortest(severity));
    }
}
