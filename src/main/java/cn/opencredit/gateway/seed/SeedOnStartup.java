package cn.opencredit.gateway.seed;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Provider;

import io.quarkus.runtime.StartupEvent;

/**
 * Seeds at start-up when {@code opencredit.seed.subjects} is above 0, and otherwise touches nothing
 * of the seed: production leaves it at 0, so there neither the loader nor the generators are ever
 * created. The dev and test profiles set it, and so may a production start
 * ({@code OPENCREDIT_SEED_SUBJECTS}, as the benchmarks do).
 * <p>
 * The decision has to be taken at run time: {@code @IfBuildProperty} and build profiles would take the
 * loader out of the packaged jar for good, and {@code @LookupIfProperty} only matches one exact value
 * (not "above 0") and would still need a lookup like this one. So the observer is static, which needs
 * no instance of this class, and reaches the loader only through a {@link Provider}: nothing of it
 * exists before {@code get()}. That injection point also keeps ArC from removing the loader as unused.
 */
@ApplicationScoped
class SeedOnStartup {

    // Start-up observers run on the main thread, never on an event loop, so the loader's blocking JDBC is fine here.
    static void onStart(@Observes StartupEvent event, SeedConfig config, Provider<SeedLoader> loader) {
        if (config.subjects() == 0) {
            return;
        }
        try {
            loader.get().seedIfEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException("Loading synthetic credit data failed", e);
        }
    }
}
