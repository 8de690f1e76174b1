package cn.opencredit.gateway.shared.ratelimit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.security.AuthenticationFailures;

/**
 * Counts failed authentications per client address as calls of a plan of their own
 * ({@link RateLimitConfig#failedAuthentication()}), in the same Redis script as every limit, so
 * that all replicas share the count and a refusal is remembered on each until it lapses.
 */
@ApplicationScoped
public class FailedAuthenticationLimit implements AuthenticationFailures {

    private static final String KEY_PREFIX = "failed-auth:";

    private final RateLimiter limiter;
    private final boolean enabled;
    private final RatePlan plan;
    /**
     * Until when (System.nanoTime) some address may stand refused on this replica: every refusal it
     * remembers came through {@link #failed}. Until then no address needs working out at all.
     */
    private final AtomicLong refusingUntil = new AtomicLong(System.nanoTime());

    FailedAuthenticationLimit(RateLimiter limiter, RateLimitConfig config) {
        this.limiter = limiter;
        this.enabled = config.enabled();
        RateLimitConfig.FailedAuthentication budget = config.failedAuthentication();
        this.plan = new RatePlan("failed-authentication", budget.ratePerSecond(), budget.burst(), budget.dailyQuota());
    }

    @Override
    public Refusal refusedNow(Supplier<String> address) {
        if (!enabled || System.nanoTime() - refusingUntil.get() >= 0) {
            return null;
        }
        return refusal(limiter.refusalNow(KEY_PREFIX + address.get(), plan));
    }

    @Override
    public Uni<Refusal> failed(String address) {
        if (!enabled) {
            return Uni.createFrom().nullItem();
        }
        // A failure the limiter could not count is answered as the failure it is (401), not as the limiter's 503.
        return limiter.acquire(KEY_PREFIX + address, plan).onFailure().recoverWithNull().map(decision -> {
            Refusal refused = refusal(decision);
            if (refused != null) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(refused.retryAfterSeconds());
                refusingUntil.accumulateAndGet(until, (current, candidate) -> candidate - current > 0 ? candidate : current);
            }
            return refused;
        });
    }

    private static Refusal refusal(RateDecision decision) {
        if (decision == null || decision.allowed()) {
            return null;
        }
        RatePlan plan = decision.plan();
        return new Refusal(decision.retryAfterSeconds(), ("Too many failed authentications from this address: at most %d at once, "
                + "then %s per second and %d a day. Calls with a key are refused until then; retry in %d s")
                .formatted(plan.burst(), RateDecision.plain(plan.sustainedRate()), plan.dailyQuota(), decision.retryAfterSeconds()));
    }
}
