package cn.opencredit.gateway.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;

/** Recomputes the materialized views behind the statistics; one replica at a time (stats_refresh() takes a lock). */
@ApplicationScoped
class StatsRefresher {

    private final StatsRepository repository;
    private final StatsConfig config;

    StatsRefresher(StatsRepository repository, StatsConfig config) {
        this.repository = repository;
        this.config = config;
    }

    void schedule(@Observes StartupEvent event, Scheduler scheduler) {
        scheduler.newJob("stats-refresh")
                .setInterval(config.refreshEvery().toString())
                .setDelayed(config.firstRefreshAfter().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> refresh())
                .schedule();
    }

    Uni<Void> refresh() {
        return repository.refresh()
                .onFailure().invoke(failure -> Log.warnf("Could not refresh the statistics: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
