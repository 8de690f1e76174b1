package cn.opencredit.gateway.shared.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class FallbackLimiterTests {

    private static final long NOW = GcraPolicy.micros(Instant.parse("2026-11-01T04:00:00Z"));
    private static final RatePlan PLAN = new RatePlan("standard", 0.01, 4, 100);

    @Test
    void shouldAdmitOnlyItsShareOfThePlanAndSayItDecidedAlone() {
        FallbackLimiter limiter = new FallbackLimiter(0.5, 10);

        RateDecision first = limiter.acquire("consumer", PLAN, NOW);
        limiter.acquire("consumer", PLAN, NOW);
        RateDecision third = limiter.acquire("consumer", PLAN, NOW);

        assertTrue(first.allowed());
        assertTrue(first.degraded());
        assertEquals(new RatePlan("standard", 0.005, 2, 50), first.plan());
        assertEquals(49, first.dayRemaining());
        assertFalse(third.allowed());
    }

    @Test
    void shouldKeepConsumersApart() {
        FallbackLimiter limiter = new FallbackLimiter(1, 10);
        for (int i = 0; i < 4; i++) {
            limiter.acquire("a", PLAN, NOW);
        }

        assertFalse(limiter.acquire("a", PLAN, NOW).allowed());
        assertTrue(limiter.acquire("b", PLAN, NOW).allowed());
    }

    @Test
    void shouldForgetTheConsumerSeenLeastRecentlyWhenFull() {
        FallbackLimiter limiter = new FallbackLimiter(1, 2);
        for (int i = 0; i < 4; i++) {
            limiter.acquire("old", PLAN, NOW);
            limiter.acquire("recent", PLAN, NOW);
        }
        assertFalse(limiter.acquire("recent", PLAN, NOW).allowed());

        limiter.acquire("new", PLAN, NOW);

        assertTrue(limiter.acquire("old", PLAN, NOW).allowed(), "the least recently seen consumer starts afresh");
    }
}
