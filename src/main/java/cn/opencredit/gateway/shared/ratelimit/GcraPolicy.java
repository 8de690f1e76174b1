package cn.opencredit.gateway.shared.ratelimit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * What one decision over several calls of a consumer, arrived together, did. The calls are
     * decided in arrival order, exactly as if they had come one by one. {@code acquire.lua} returns
     * the same fields.
     *
     * @param admitted         how many of the calls, from the first on, were admitted
     * @param refusedBy        the limit that refused the others; null when all were admitted
     * @param tatMicros        the theoretical arrival time after the admitted calls, relative to now
     * @param dayRemaining     calls left today after the admitted ones
     * @param dayResetMicros   until midnight in Asia/Shanghai
     * @param retryAfterMicros for the refused calls, until a call could be admitted; 0 when none was refused
     */
    record Batch(int admitted, Limit refusedBy, long tatMicros, long dayRemaining, long dayResetMicros, long retryAfterMicros) {
    }

    record BatchOutcome(State state, Batch batch) {
    }

    private GcraPolicy() {
    }

    /**
     * Admits the call only when both the burst and the daily quota allow it. A refused call leaves
     * the state as it was, so refusals neither delay later calls nor count against the quota.
     */
    static Outcome acquire(State state, RatePlan plan, long nowMicros, boolean degraded) {
        BatchOutcome outcome = acquireAll(state, plan, nowMicros, 1);
        return new Outcome(outcome.state(), decisions(plan, 1, outcome.batch(), degraded).getFirst());
    }

    /**
     * Decides {@code calls} calls that arrived together: as many as both the burst and the daily
     * quota have room for are admitted, the others refused, and only the admitted ones change the
     * state.
     */
    static BatchOutcome acquireAll(State state, RatePlan plan, long nowMicros, int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("Calls are a count, not " + calls);
        }
        long interval = emissionIntervalMicros(plan);
        ZonedDateTime now = Instant.EPOCH.plus(nowMicros, ChronoUnit.MICROS).atZone(ChinaTime.ZONE);
        LocalDate today = now.toLocalDate();
        long dayReset = ChronoUnit.MICROS.between(now, today.plusDays(1).atStartOfDay(ChinaTime.ZONE));
        long used = today.equals(state.day()) ? state.used() : 0;
        long tat = Math.max(state.tatMicros(), nowMicros);
        // k calls move the TAT k intervals on, and it may run at most a whole burst ahead of now.
        long burstRoom = Math.max(0, Math.floorDiv(plan.burst() * interval - (tat - nowMicros), interval));
        long quotaRoom = Math.max(0, plan.dailyQuota() - used);
        int admitted = (int) Math.min(calls, Math.min(burstRoom, quotaRoom));

        State next = state;
        if (admitted > 0) {
            tat += admitted * interval;
            used += admitted;
            next = new State(tat, today, used);
        }
        Limit refusedBy = null;
        long retryAfter = 0;
        if (admitted < calls) {
            // Positive when the next call would arrive before the burst has room for it.
            long burstWait = tat + interval - plan.burst() * interval - nowMicros;
            if (used >= plan.dailyQuota()) {
                refusedBy = Limit.DAY;
                retryAfter = Math.max(dayReset, burstWait);
            } else {
                refusedBy = Limit.BURST;
                retryAfter = burstWait;
            }
        }
        return new BatchOutcome(next, new Batch(admitted, refusedBy, tat - nowMicros, Math.max(0, plan.dailyQuota() - used), dayReset,
                retryAfter));
    }

    /**
     * One decision per call of a batch, in arrival order. Each admitted call sees what remained
     * right after it, as it would have had it come alone; each refused call sees the final state.
     */
    static List<RateDecision> decisions(RatePlan plan, int calls, Batch batch, boolean degraded) {
        long interval = emissionIntervalMicros(plan);
        List<RateDecision> decisions = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            boolean admitted = i < batch.admitted();
            // Every admitted call after this one moved the TAT one interval on and used one call of the day.
            long later = admitted ? batch.admitted() - 1L - i : 0;
            long tat = batch.tatMicros() - later * interval;
            long burstRemaining = Math.max(0, Math.floorDiv(plan.burst() * interval - tat, interval));
            decisions.add(decision(plan, admitted ? null : batch.refusedBy(), burstRemaining, tat, batch.dayRemaining() + later,
                    batch.dayResetMicros(), admitted ? 0 : batch.retryAfterMicros(), degraded));
        }
        return decisions;
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
