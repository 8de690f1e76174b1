package cn.opencredit.gateway.sandbox;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

import cn.opencredit.gateway.seed.SeedConfig;
import cn.opencredit.gateway.shared.environment.EnvironmentConfig;

/**
 * Keeps the two worlds apart at start-up, before the seed and the bootstrap operator (a lower
 * priority runs first): a sandbox starts only on a database that is empty (it marks it, then the
 * seed fills it) or that it marked before, never on the live platform's; a live instance never
 * starts on a sandbox's database.
 */
@ApplicationScoped
class SandboxGuard {

    static final int BEFORE_SEED = 10;

    void onStart(@Observes @Priority(BEFORE_SEED) StartupEvent event, EnvironmentConfig environment, SeedConfig seed, AgroalDataSource dataSource,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean marked = SandboxMarker.present(connection);
            if (!environment.enabled()) {
                if (marked) {
                    throw new IllegalStateException("This database is a sandbox's (table sandbox_marker has its row): a live instance does not "
                            + "start on it. Point the datasource at the live database, or set opencredit.sandbox.enabled=true");
                }
                return;
            }
            refuseUnlessSynthetic(environment, seed, jdbcUrl, connection, marked);
        }
    }

    private static void refuseUnlessSynthetic(EnvironmentConfig environment, SeedConfig seed, String jdbcUrl, Connection connection, boolean marked)
            throws SQLException {
        if (environment.liveJdbcUrl().map(live -> live.strip().equals(jdbcUrl.strip())).orElse(false)) {
            throw new IllegalStateException("opencredit.sandbox.enabled is set but the datasource is the live platform's "
                    + "(opencredit.sandbox.live-jdbc-url): the sandbox needs a database of its own");
        }
        if (seed.subjects() == 0) {
            throw new IllegalStateException("The sandbox serves synthetic data only: set opencredit.seed.subjects above 0");
        }
        if (marked) {
            Log.info("Sandbox mode: the database carries the sandbox's mark; test keys (ocg_test_) only");
            return;
        }
        if (SandboxMarker.holdsData(connection)) {
            throw new IllegalStateException("opencredit.sandbox.enabled is set but the database holds subjects or consumers without the "
                    + "sandbox's mark (table sandbox_marker): it may be a live database, so the sandbox does not start on it. "
                    + "Give the sandbox an empty database of its own");
        }
        SandboxMarker.write(connection, seed.randomSeed(), false);
        Log.infof("Sandbox mode: marked the empty database as the sandbox's; the synthetic seed (%d subjects) fills it next", seed.subjects());
    }
}
