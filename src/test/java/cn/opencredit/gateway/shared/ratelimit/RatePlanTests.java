package cn.opencredit.gateway.shared.ratelimit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RatePlanTests {

    @Test
    void shouldRefuseAPlanThatCouldNotAdmitAnything() {
        assertThrows(IllegalArgumentException.class, () -> new RatePlan("p", 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RatePlan("p", Double.NaN, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RatePlan("p", 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RatePlan("p", 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new RatePlan(" ", 1, 1, 1));
    }

    @Test
    void shouldRefuseAPlanWithoutALimit() {
        assertThrows(IllegalArgumentException.class, () -> new RatePlan("p", Double.POSITIVE_INFINITY, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RatePlan("p", 1, RatePlan.MAX_BURST + 1, 1));
    }
}
