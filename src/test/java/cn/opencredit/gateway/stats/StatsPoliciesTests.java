package cn.opencredit.gateway.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class StatsPoliciesTests {

    @Test
    void shouldRoundRatesHalfUpToFourDecimals() {
        assertEquals(new BigDecimal("0.6667"), StatsPolicies.ratePolicy(2, 3));
        assertEquals(new BigDecimal("0.3333"), StatsPolicies.ratePolicy(1, 3));
        assertEquals(new BigDecimal("1.0000"), StatsPolicies.ratePolicy(7, 7));
        assertEquals(new BigDecimal("0.0000"), StatsPolicies.ratePolicy(0, 5));
    }

    @Test
    void shouldGiveNoRateWhenNothingWasCounted() {
        assertNull(StatsPolicies.ratePolicy(0, 0));
    }
}
