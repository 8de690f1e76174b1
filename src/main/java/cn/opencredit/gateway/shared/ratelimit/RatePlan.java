package cn.opencredit.gateway.shared.ratelimit;

/**
 * What a consumer may call: a sustained rate with a burst on top of it, and a quota per calendar
 * day in China (midnight to midnight, Asia/Shanghai).
 *
 * @param name          the plan's name, shown to clients in a refusal
 * @param sustainedRate requests per second admitted in the long run
 * @param burst         requests admitted back to back after an idle spell, at least 1
 * @param dailyQuota    requests admitted per day, at least 1
 */
public record RatePlan(String name, double sustainedRate, int burst, long dailyQuota) {

    /** Beyond this the burst is no longer a burst; it also keeps the microsecond arithmetic far from overflow. */
    static final int MAX_BURST = 1_000_000;

    public RatePlan {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A rate plan needs a name");
        }
        if (!(sustainedRate > 0) || Double.isInfinite(sustainedRate)) {
            throw new IllegalArgumentException("Rate plan " + name + ": the sustained rate must be a positive number, not " + sustainedRate);
        }
        if (burst < 1 || burst > MAX_BURST) {
            throw new IllegalArgumentException("Rate plan " + name + ": the burst must be between 1 and " + MAX_BURST + ", not " + burst);
        }
        if (dailyQuota < 1) {
            throw new IllegalArgumentException("Rate plan " + name + ": the daily quota must be at least 1, not " + dailyQuota);
        }
    }
}
