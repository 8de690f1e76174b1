package cn.opencredit.gateway.sandbox;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The gateway in sandbox mode against a database of its own: the test database's name with
 * {@code _sandbox} appended (opencredit_test_sandbox in bin/test and CI, created by bin/services), and
 * a Redis database of its own (3), which the reset empties. A developer's own test database and Redis
 * database (the {@code _TEST_QUARKUS_…} variables) are followed the same way.
 */
public class SandboxProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String database = System.getenv().getOrDefault("_TEST_QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/opencredit_test")
                + "_sandbox";
        String redis = System.getenv().getOrDefault("_TEST_QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:6379/3");
        return Map.of(
                "opencredit.sandbox.enabled", "true",
                "quarkus.datasource.reactive.url", database,
                "quarkus.datasource.jdbc.url", "jdbc:" + database,
                "quarkus.redis.hosts", redis,
                // The flow below makes a few dozen calls in a second; the plan's own figures are asserted by name.
                "opencredit.plans.sandbox.rate-per-second", "10000",
                "opencredit.plans.sandbox.burst", "10000");
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
