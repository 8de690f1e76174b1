package cn.opencredit.gateway.seed;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;

/**
 * Days drawn from the past of the reference date, the "today" every generated date lies on or before.
 *
 * @param referenceDate the last day any generated date may fall on
 */
record PastDays(LocalDate referenceDate) {

    /** A day in the {@code days} before the reference date, not before {@code notBefore}, leaving room for the lag. */
    LocalDate within(int days, LocalDate notBefore, int lag, RandomGenerator random) {
        LocalDate earliest = referenceDate.minusDays(days);
        if (notBefore.isAfter(earliest)) {
            earliest = notBefore;
        }
        LocalDate latest = referenceDate.minusDays(lag);
        if (!latest.isAfter(earliest)) {
            return earliest;
        }
        return earliest.plusDays(random.nextLong(ChronoUnit.DAYS.between(earliest, latest) + 1));
    }
}
