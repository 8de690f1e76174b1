package cn.opencredit.gateway.shared.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;

/**
 * Creates the default reactive pool as Quarkus would, except that statements up to
 * {@link #SQL_LIMIT} characters are kept prepared on each connection. The reactive client keeps
 * only statements of at most 2 048 characters by default and sends a longer one unnamed, to be
 * parsed and planned again on every execution; the statements that read a subject with its parts
 * for the bank's package and the credit report are longer, and planning them cost PostgreSQL more
 * than running them (0.6–1.2 ms against 0.3 ms; docs/benchmarks.md, eighth sitting). Quarkus has
 * no setting for the limit, only this hook. Name search's pool is not affected: its statements are
 * planned for each search's words on purpose.
 *
 * <p>Quarkus asks a credentials provider, when one is configured, for every new connection; a pool
 * created here would connect with what the options held at start-up instead, so with a provider the
 * gateway refuses to start rather than lose rotated credentials.
 */
@Singleton
public class PreparedStatementCaching implements PgPoolCreator {

    /**
     * Longer than any statement the gateway builds. Their texts come in a bounded number of shapes
     * (values are bound, never written into the text), so the client's cache of 256 statements per
     * connection still holds every one in use.
     */
    public static final int SQL_LIMIT = 16 * 1024;

    private final Optional<String> credentialsProvider;

    PreparedStatementCaching(@ConfigProperty(name = "quarkus.datasource.credentials-provider") Optional<String> credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
    }

    @Override
    public Pool create(Input input) {
        credentialsProvider.ifPresent(provider -> {
            throw new IllegalStateException("quarkus.datasource.credentials-provider (" + provider
                    + ") is not supported with PreparedStatementCaching: its pool would not ask the provider for new connections");
        });
        List<SqlConnectOptions> databases = new ArrayList<>();
        input.pgConnectOptionsList().forEach(options -> databases.add(options.setPreparedStatementCacheSqlLimit(SQL_LIMIT)));
        return PgBuilder.pool().with(input.poolOptions()).connectingTo(databases).using(input.vertx()).build();
    }
}
