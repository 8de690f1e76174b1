package cn.opencredit.gateway.shared.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.ratelimit.RateDecision.Limit;

class RateDecisionTests {

    private static final RatePlan PLAN = new RatePlan("standard", 2, 10, 50_000);

    @Test
    void shouldAdvertiseBothPoliciesAsAStructuredFieldList() {
        RateDecision admitted = new RateDecision(true, null, PLAN, 7, 2, 49_990, 3_600, 0, false);

        assertEquals("\"burst\";q=10;w=5, \"day\";q=50000;w=86400", admitted.rateLimitPolicyHeader());
        assertEquals("\"burst\";r=7;t=2, \"day\";r=49990;t=3600", admitted.rateLimitHeader());
    }

    @Test
    void shouldReportWhenTheRefusingLimitAdmitsAgainAsItsReset() {
        RateDecision refused = new RateDecision(false, Limit.BURST, PLAN, 0, 5, 49_990, 3_600, 1, false);

        assertEquals("\"burst\";r=0;t=1, \"day\";r=49990;t=3600", refused.rateLimitHeader());
    }

    @Test
    void shouldNameTheBurstRateWhenItRefused() {
        ProblemException problem = new RateDecision(false, Limit.BURST, PLAN, 0, 5, 49_990, 3_600, 1, false).rejection();

        assertEquals(ProblemType.RATE_LIMITED, problem.type());
        assertEquals(429, problem.type().status());
        assertEquals("Burst rate limit of plan 'standard' exceeded: at most 10 requests at once, then 2 per second; retry in 1 s",
                problem.detail());
    }

    @Test
    void shouldNameTheDailyQuotaWhenItRefused() {
        ProblemException problem = new RateDecision(false, Limit.DAY, PLAN, 10, 0, 0, 3_600, 3_600, false).rejection();

        assertEquals(ProblemType.RATE_LIMITED, problem.type());
        assertTrue(problem.detail().startsWith("Daily quota of plan 'standard' used up: 50000 requests per day"), problem.detail());
        assertTrue(problem.detail().endsWith("retry in 3600 s"), problem.detail());
    }

    @Test
    void shouldRefuseToRejectAnAdmittedCall() {
        RateDecision admitted = new RateDecision(true, null, PLAN, 7, 2, 49_990, 3_600, 0, false);

        assertThrows(IllegalStateException.class, admitted::rejection);
    }

    @Test
    void shouldCountDownTheResetsOfARefusalToldAgainLater() {
        RateDecision refused = new RateDecision(false, Limit.DAY, PLAN, 3, 5, 0, 3_600, 3_600, false);

        RateDecision later = refused.aged(java.time.Duration.ofSeconds(600));

        assertEquals(3_000, later.dayResetSeconds());
        assertEquals(3_000, later.retryAfterSeconds());
        assertEquals(0, later.burstResetSeconds());
        assertEquals(1, refused.aged(java.time.Duration.ofHours(2)).retryAfterSeconds(), "a retry is never advertised as due already");
        assertEquals(refused, refused.aged(java.time.Duration.ofMillis(900)), "less than a second changes nothing");
    }
}
