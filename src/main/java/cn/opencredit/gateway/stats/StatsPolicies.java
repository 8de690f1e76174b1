package cn.opencredit.gateway.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the statistics are computed from the counts. */
final class StatsPolicies {

    static final int RATE_SCALE = 4;

    private StatsPolicies() {
    }

    /** part / whole to four decimals; no rate at all (null) when nothing was counted, rather than a misleading 0 or 1. */
    static BigDecimal ratePolicy(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_SCALE, RoundingMode.HALF_UP);
    }
}
