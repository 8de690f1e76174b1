package cn.opencredit.gateway.shared.ratelimit;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;

/**
 * The limiter's answer to one call, with what the client needs to pace itself.
 *
 * @param allowed           whether the call may proceed
 * @param refusedBy         the limit that refused the call; null when it was admitted
 * @param plan              the plan that was enforced: the consumer's plan, or the fallback share of it
 *                          when this replica decided alone
 * @param burstRemaining    calls that may still follow back to back
 * @param burstResetSeconds seconds until the burst is full again
 * @param dayRemaining      calls left today
 * @param dayResetSeconds   seconds until midnight in Asia/Shanghai, when the daily quota renews
 * @param retryAfterSeconds for a refusal, seconds until a call can be admitted again (at least 1);
 *                          0 when admitted
 * @param degraded          true when Redis was unreachable and this replica decided alone
 */
public record RateDecision(
        boolean allowed,
        Limit refusedBy,
        RatePlan plan,
        long burstRemaining,
        long burstResetSeconds,
        long dayRemaining,
        long dayResetSeconds,
        long retryAfterSeconds,
        boolean degraded) {

    public static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    public static final String RATE_LIMIT = "RateLimit";

    /** The two limits of a plan, named as their policies are in the RateLimit headers. */
    public enum Limit {
        BURST,
        DAY;

        public String policyName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The {@code RateLimit-Policy} field value of draft-ietf-httpapi-ratelimit-headers-10: a
     * structured-field list of the plan's two quota policies.
     */
    public String rateLimitPolicyHeader() {
        return "\"" + Limit.BURST.policyName() + "\";q=" + plan.burst() + ";w=" + GcraPolicy.burstWindowSeconds(plan)
                + ", \"" + Limit.DAY.policyName() + "\";q=" + plan.dailyQuota() + ";w=" + GcraPolicy.DAY_SECONDS;
    }

    /** The {@code RateLimit} field value of draft-ietf-httpapi-ratelimit-headers-10: what remains of each policy. */
    public String rateLimitHeader() {
        return "\"" + Limit.BURST.policyName() + "\";r=" + burstRemaining + ";t=" + reset(Limit.BURST, burstResetSeconds)
                + ", \"" + Limit.DAY.policyName() + "\";r=" + dayRemaining + ";t=" + reset(Limit.DAY, dayResetSeconds);
    }

    /**
     * The same decision told {@code elapsed} later, for a refusal repeated from memory: the times
     * until the resets and until a retry can succeed shrink, down to 1 second for the retry.
     */
    public RateDecision aged(Duration elapsed) {
        long seconds = elapsed.toSeconds();
        if (seconds <= 0) {
            return this;
        }
        return new RateDecision(allowed, refusedBy, plan, burstRemaining, Math.max(0, burstResetSeconds - seconds), dayRemaining,
                Math.max(0, dayResetSeconds - seconds), allowed ? 0 : Math.max(1, retryAfterSeconds - seconds), degraded);
    }

    /** The 429 problem for a refused call; the caller adds {@code Retry-After} from {@link #retryAfterSeconds()}. */
    public ProblemException rejection() {
        if (allowed) {
            throw new IllegalStateException("An admitted call has nothing to reject");
        }
        String detail = switch (refusedBy) {
            case BURST -> "Burst rate limit of plan '%s' exceeded: at most %d requests at once, then %s per second; retry in %d s"
                    .formatted(plan.name(), plan.burst(), plain(plan.sustainedRate()), retryAfterSeconds);
            case DAY -> "Daily quota of plan '%s' used up: %d requests per day, renewed at midnight China Standard Time; retry in %d s"
                    .formatted(plan.name(), plan.dailyQuota(), retryAfterSeconds);
        };
        return new ProblemException(ProblemType.RATE_LIMITED, detail);
    }

    /**
     * The draft asks that Retry-After not point earlier than the reset of the limit that was hit,
     * but a drained burst is full again only long after it admits the next call. So the refusing
     * policy reports when it admits again, the same moment Retry-After names.
     */
    private long reset(Limit limit, long seconds) {
        return limit == refusedBy ? retryAfterSeconds : seconds;
    }

    static String plain(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
}
