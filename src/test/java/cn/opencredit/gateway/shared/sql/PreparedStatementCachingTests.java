package cn.opencredit.gateway.shared.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The default pool keeps long statements prepared on the connection (PostgreSQL's
 * {@code pg_prepared_statements} lists them), where the reactive client's own limit of 2 048
 * characters would send them unnamed, to be parsed and planned on every execution.
 */
@QuarkusTest
class PreparedStatementCachingTests {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Test
    void shouldKeepAStatementLongerThanTheClientsDefaultLimitPrepared() {
        String marker = "long_" + UUID.randomUUID().toString().replace("-", "");
        String sql = "SELECT $1::int + 1 AS " + marker + ", '" + "x".repeat(6_000) + "' AS padding";
        assertTrue(sql.length() > 2_048 && sql.length() < PreparedStatementCaching.SQL_LIMIT);

        long kept = pool.withConnection(connection -> connection.preparedQuery(sql).execute(Tuple.of(41))
                .invoke(rows -> assertEquals(42, rows.iterator().next().getInteger(marker)))
                .chain(() -> connection.preparedQuery(sql).execute(Tuple.of(1)))
                .chain(() -> connection.preparedQuery("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE $1")
                        .execute(Tuple.of("%" + marker + "%")))
                .map(rows -> rows.iterator().next().getLong(0)))
                .await().atMost(PATIENCE);

        assertEquals(1, kept, "prepared once on the connection and kept");
    }

    /** A credentials provider would be asked by Quarkus' own pool for every connection; this pool would not, so it refuses. */
    @Test
    void shouldRefuseToCreateThePoolWhenACredentialsProviderIsConfigured() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new PreparedStatementCaching(Optional.of("vault-credentials")).create(null));
        assertTrue(refused.getMessage().contains("vault-credentials"), refused.getMessage());
    }
}
