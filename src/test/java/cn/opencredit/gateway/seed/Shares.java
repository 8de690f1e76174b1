package cn.opencredit.gateway.seed;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generators aim at target shares; a sample lands within a tolerance of them. */
final class Shares {

    private Shares() {
    }

    static void assertShare(double expected, int count, int total, double tolerance) {
        double actual = (double) count / total;
        assertTrue(Math.abs(actual - expected) <= tolerance, "share " + actual + ", expected " + expected + " ± " + tolerance);
    }
}
