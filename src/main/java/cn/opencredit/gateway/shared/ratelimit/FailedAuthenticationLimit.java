package cn.opencredit.gateway.shared.ratelimit;

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

    FailedAuthenticationLimit(RateLimiter limiter, RateLimitConfig config) {
        this.limiter = limiter;
        this.enabled = config.enabled();
        RateLimitConfig.FailedAuthentication budget = config.failedAuthentication();
        this.plan = new RatePlan("failed-authentication", budget.ratePerSecond(), budget.burst(), budget.dailyQuota());
    }

    @Override
    public Refusal refusedNow(String address) {
        return enabled ? refusal(limiter.refusalNow(KEY_PREFIX + address, plan)) : null;
    }

    @Override
    public Uni<Refusal> failed(String address) {
        return enabled ? limiter.acquire(KEY_PREFIX + address, plan).map(FailedAuthenticationLimit::refusal) : Uni.createFrom().nullItem();
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
