package cn.opencredit.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in tests for what happens after a call returns (announcements, retries, subscriptions, stores in the cache). */
public final class Eventually {

    private Eventually() {
    }

    /** Polls {@code condition} every 50 ms; fails the test, naming {@code what}, when it is still false after {@code patience}. */
    public static void awaitUntil(String what, Duration patience, BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            assertFalse(System.nanoTime() > deadline, "waited " + patience + " for: " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
