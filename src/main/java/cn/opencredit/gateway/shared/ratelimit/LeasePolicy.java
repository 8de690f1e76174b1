package cn.opencredit.gateway.shared.ratelimit;

import java.time.Duration;

/**
 * How many calls a replica has Redis admit ahead of time for a busy consumer (a lease), so that
 * the consumer's next calls are decided in memory without waiting for Redis.
 *
 * <p>Leased calls are admitted in Redis when the lease is taken, so replicas together never admit
 * more than the plan. The price is the other way round: calls leased to one replica and not used
 * before the lease ends are lost to the consumer, and while one replica holds them another may
 * refuse a call the plan had room for. Leases are therefore sized to what the consumer used on this
 * replica in the last moment ({@link #WINDOW}), kept only briefly ({@link #LIFETIME}), never more
 * than a quarter of the burst, and not taken at all for consumers slower than {@link #MIN_SIZE}
 * calls per window: those are decided call by call, exactly.
 */
final class LeasePolicy {

    /** A lease covers about this much of the consumer's recent traffic. */
    static final Duration WINDOW = Duration.ofMillis(20);
    /** Leased calls not handed out within this are dropped. */
    static final Duration LIFETIME = Duration.ofMillis(100);
    /** Below this many calls per window a consumer gets no lease. */
    static final int MIN_SIZE = 4;
    /** A new lease is taken while this share of the current one is still left, so that calls rarely wait. */
    static final double REFILL_AT = 0.5;
    private static final int MAX_SIZE = 1_000;

    private LeasePolicy() {
    }

    /**
     * The calls to lease for a consumer that made {@code callsPerSecond} calls a second on this
     * replica lately, under {@code plan}; 0 for no lease.
     */
    static int size(double callsPerSecond, RatePlan plan) {
        double wanted = Math.ceil(callsPerSecond * WINDOW.toNanos() / 1e9);
        long cap = Math.min(MAX_SIZE, plan.burst() / 4);
        long size = (long) Math.min(wanted, cap);
        return size >= MIN_SIZE ? (int) size : 0;
    }

    /** Whether a lease with {@code left} of {@code size} calls should be renewed now. */
    static boolean renewDue(int left, int size) {
        return size > 0 && left <= size * REFILL_AT;
    }
}
