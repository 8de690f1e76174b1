package cn.opencredit.gateway.audit;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.opencredit.gateway.shared.time.ChinaTime;

/**
 * Keeps monthly partitions of the access and operations logs ready three months ahead, so rows never pile up in
 * the default partition (which would make creating that month's partition fail later). Runs at
 * start-up and daily; creating an existing partition is a no-op, so replicas may race.
 */
@ApplicationScoped
class AccessLogPartitions {

    static final int MONTHS_AHEAD = 3;

    private final Pool pool;
    private final Clock clock;

    AccessLogPartitions(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Scheduled(every = "24h", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> ensureAhead() {
        LocalDate thisMonth = ChinaTime.today(clock).withDayOfMonth(1);
        return pool.preparedQuery("SELECT audit_access_log_create_partition(($1::date + make_interval(months => m))::date), "
                        + "audit_operation_log_create_partition(($1::date + make_interval(months => m))::date) FROM generate_series(0, $2) AS m")
                .execute(Tuple.of(thisMonth, MONTHS_AHEAD))
                .onFailure().invoke(failure -> Log.errorf(failure, "Could not create access log partitions"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
