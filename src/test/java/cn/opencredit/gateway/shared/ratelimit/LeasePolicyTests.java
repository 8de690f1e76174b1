package cn.opencredit.gateway.shared.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LeasePolicyTests {

    private static final RatePlan BIG = new RatePlan("big", 100_000, 100_000, 1_000_000_000);

    @Test
    void shouldLeaseAboutTwentyMillisecondsOfTheConsumersRecentTraffic() {
        assertEquals(200, LeasePolicy.size(10_000, BIG));
        assertEquals(4, LeasePolicy.size(200, BIG));
    }

    @Test
    void shouldLeaseNothingToConsumersTooSlowToFillAWindow() {
        assertEquals(0, LeasePolicy.size(0, BIG));
        assertEquals(0, LeasePolicy.size(150, BIG), "3 calls a window are decided one by one");
    }

    @Test
    void shouldNeverLeaseMoreThanAQuarterOfTheBurst() {
        RatePlan standard = new RatePlan("standard", 20, 40, 100_000);
        assertEquals(10, LeasePolicy.size(10_000, standard));
        assertEquals(0, LeasePolicy.size(10_000, new RatePlan("tiny", 1, 12, 100)), "a quarter of 12 is below the minimum lease");
    }

    @Test
    void shouldCapALeaseAtAThousandCalls() {
        assertEquals(1_000, LeasePolicy.size(1_000_000, BIG));
    }

    @Test
    void shouldRenewWhenHalfTheLeaseIsUsed() {
        assertFalse(LeasePolicy.renewDue(6, 10));
        assertTrue(LeasePolicy.renewDue(5, 10));
        assertTrue(LeasePolicy.renewDue(0, 10));
        assertFalse(LeasePolicy.renewDue(0, 0), "no lease, nothing to renew");
    }
}
