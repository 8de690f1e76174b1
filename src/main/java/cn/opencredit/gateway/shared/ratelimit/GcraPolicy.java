package cn.opencredit.gateway.shared.ratelimit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import cn.opencredit.gateway.shared.ratelimit.RateDecision.Limit;
import cn.opencredit.gateway.shared.time.ChinaTime;

/**
 * The limiter's arithmetic without Redis: GCRA for the burst and the sustained rate, a counter per
 * China calendar day for the quota. {@code ratelimit/acquire.lua} takes the same steps inside Redis;
 * the in-memory fallback and the tests take them here, so keep the two in line.
 *
 * <p>Times are microseconds since the epoch, the resolution of Redis {@code TIME}: in milliseconds
 * the emission interval of a plan faster than a few hundred calls per second would be rounded by
 * a large fraction.
 */
final class GcraPolicy {

    static final long DAY_SECONDS = 86_400;

    private static final long MICROS_PER_SECOND = 1_000_000;
    /** A plan slower than one call a day is limited by its daily quota, not by its rate. */
    private static final long MAX_INTERVAL_MICROS = DAY_SECONDS * MICROS_PER_SECOND;

    /**
     * One consumer's limiter state.
     *
     * @param tatMicros theoretical arrival time: when the burst is full again
     * @param day       the China calendar day {@code used} counts
     * @param used      calls admitted on that day
     */
    record State(long tatMicros, LocalDate day, long used) {

        static final State NEW = new State(Long.MIN_VALUE, LocalDate.MIN, 0);
    }

    record Outcome(State state, RateDecision decision) {
    }

    private GcraPolicy() {
    }

    /**
     * Admits the call only when both the burst and the daily quota allow it. A refused call leaves
     * the state as it was, so refusals neither delay later calls nor count against the quota.
     */
    static Outcome acquire(State state, RatePlan plan, long nowMicros, boolean degraded) {
        long interval = emissionIntervalMicros(plan);
        ZonedDateTime now = Instant.EPOCH.plus(nowMicros, ChronoUnit.MICROS).atZone(ChinaTime.ZONE);
        LocalDate today = now.toLocalDate();
        long dayReset = ChronoUnit.MICROS.between(now, today.plusDays(1).atStartOfDay(ChinaTime.ZONE));
        long used = today.equals(state.day()) ? state.used() : 0;
        long tat = Math.max(state.tatMicros(), nowMicros);
        // Positive when the call would arrive before the burst has room for it.
        long burstWait = tat + interval - plan.burst() * interval - nowMicros;

        Limit refusedBy = null;
        long retryAfter = 0;
        State next = state;
        if (used >= plan.dailyQuota()) {
            refusedBy = Limit.DAY;
            retryAfter = Math.max(dayReset, burstWait);
        } else if (burstWait > 0) {
            refusedBy = Limit.BURST;
            retryAfter = burstWait;
        } else {
            tat += interval;
            used++;
            next = new State(tat, today, used);
        }
        long burstRemaining = Math.max(0, Math.floorDiv(plan.burst() * interval - (tat - nowMicros), interval));
        return new Outcome(next, decision(plan, refusedBy, burstRemaining, tat - nowMicros,
                Math.max(0, plan.dailyQuota() - used), dayReset, retryAfter, degraded));
    }

    /** Builds the decision from microsecond durations, as both this class and the Redis script yield them. */
    static RateDecision decision(RatePlan plan, Limit refusedBy, long burstRemaining, long burstResetMicros, long dayRemaining,
            long dayResetMicros, long retryAfterMicros, boolean degraded) {
        boolean allowed = refusedBy == null;
        return new RateDecision(allowed, refusedBy, plan, burstRemaining, seconds(burstResetMicros), dayRemaining,
                seconds(dayResetMicros), allowed ? 0 : Math.max(1, seconds(retryAfterMicros)), degraded);
    }

    /** The time between two calls at the sustained rate, rounded up so that rounding never admits more. */
    static long emissionIntervalMicros(RatePlan plan) {
        return Math.min(MAX_INTERVAL_MICROS, Math.max(1, (long) Math.ceil(MICROS_PER_SECOND / plan.sustainedRate())));
    }

    /** How long a drained burst takes to fill up again: the window the burst policy is advertised with. */
    static long burstWindowSeconds(RatePlan plan) {
        return Math.max(1, seconds(plan.burst() * emissionIntervalMicros(plan)));
    }

    /**
     * The part of a plan one replica admits while it decides alone. Rounding is down, so that
     * replicas together stay within the plan, but never to zero: a plan always admits something.
     */
    static RatePlan share(RatePlan plan, double share) {
        return new RatePlan(plan.name(), plan.sustainedRate() * share, Math.max(1, (int) (plan.burst() * share)),
                Math.max(1, (long) (plan.dailyQuota() * share)));
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * MICROS_PER_SECOND + instant.getNano() / 1_000;
    }

    private static long seconds(long micros) {
        return Math.ceilDiv(micros, MICROS_PER_SECOND);
    }
}
