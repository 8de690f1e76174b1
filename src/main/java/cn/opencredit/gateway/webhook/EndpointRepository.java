package cn.opencredit.gateway.webhook;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Webhook endpoints, on the reactive pool: small rows changed one statement at a time, each change
 * conditional on the owner (a consumer never reaches another's endpoint) and on the version read.
 */
@ApplicationScoped
class EndpointRepository {

    private static final String COLUMNS = """
            id, consumer_id, url, description, event_types, status, failing_since, previous_secret_until, created_at, updated_at, version,
            secret, previous_secret""";

    private final Pool pool;

    EndpointRepository(Pool pool) {
        this.pool = pool;
    }

    /** An endpoint as stored, secrets still sealed. */
    record EndpointRow(long id, UUID consumerId, String url, String description, List<WebhookEventType> eventTypes, EndpointStatus status,
            OffsetDateTime failingSince, OffsetDateTime previousSecretUntil, OffsetDateTime createdAt, OffsetDateTime updatedAt, int version,
            byte[] secret, byte[] previousSecret) {
    }

    Uni<Long> count(UUID consumer) {
        return pool.preparedQuery("SELECT count(*) FROM webhook_endpoint WHERE consumer_id = $1").execute(Tuple.of(consumer))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    Uni<EndpointRow> insert(UUID consumer, String url, String description, List<WebhookEventType> types, byte[] secret, OffsetDateTime now) {
        return pool.preparedQuery("INSERT INTO webhook_endpoint (consumer_id, url, description, event_types, secret, created_at, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(consumer, url, nullable(description), names(types), Buffer.buffer(secret), now)))
                .map(rows -> first(rows).orElseThrow());
    }

    Uni<Optional<EndpointRow>> find(long id, UUID consumer) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = $1 AND consumer_id = $2")
                .execute(Tuple.of(id, consumer)).map(EndpointRepository::first);
    }

    /** The consumer's endpoints, newest first. */
    Uni<List<EndpointRow>> page(UUID consumer, Optional<Long> before, int fetchSize) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE consumer_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3")
                .execute(Tuple.of(consumer, before.orElse(Long.MAX_VALUE), fetchSize)).map(EndpointRepository::all);
    }

    /**
     * Writes the changed endpoint on the version read; empty when another change came first. An
     * endpoint enabled again gives its waiting deliveries a new retry window, due now, in the same
     * transaction.
     */
    Uni<Optional<EndpointRow>> update(EndpointRow changed, int versionRead, boolean reenabled, OffsetDateTime retryUntil) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        UPDATE webhook_endpoint SET url = $3, description = $4, event_types = $5, status = $6, failing_since = $7,
                               updated_at = $8, version = version + 1
                        WHERE id = $1 AND consumer_id = $2 AND version = $9""" + " RETURNING " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(changed.id(), changed.consumerId(), changed.url(), changed.description(),
                        names(changed.eventTypes()), changed.status().name(), changed.failingSince(), changed.updatedAt(), versionRead)))
                .map(EndpointRepository::first)
                .call(updated -> updated.isEmpty() || !reenabled ? Uni.createFrom().voidItem() : connection.preparedQuery("""
                                UPDATE webhook_delivery SET next_attempt_at = $2, retry_until = $3, lease_token = NULL
                                WHERE endpoint_id = $1 AND state = 'PENDING'""")
                        .execute(Tuple.of(changed.id(), changed.updatedAt(), retryUntil)).replaceWithVoid()));
    }

    /** A new secret; the current one keeps signing until {@code previousUntil}. */
    Uni<Optional<EndpointRow>> rotate(long id, UUID consumer, byte[] secret, OffsetDateTime previousUntil, OffsetDateTime now) {
        return pool.preparedQuery("""
                        UPDATE webhook_endpoint SET previous_secret = secret, previous_secret_until = $3, secret = $4, updated_at = $5,
                               version = version + 1
                        WHERE id = $1 AND consumer_id = $2""" + " RETURNING " + COLUMNS)
                .execute(Tuple.of(id, consumer, previousUntil, Buffer.buffer(secret), now)).map(EndpointRepository::first);
    }

    /** Removes the endpoint and its deliveries; false when the consumer has no such endpoint. */
    Uni<Boolean> delete(long id, UUID consumer) {
        return pool.preparedQuery("DELETE FROM webhook_endpoint WHERE id = $1 AND consumer_id = $2").execute(Tuple.of(id, consumer))
                .map(rows -> rows.rowCount() == 1);
    }

    private static String[] names(List<WebhookEventType> types) {
        return types.stream().distinct().map(Enum::name).toArray(String[]::new);
    }

    private static Object nullable(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Optional<EndpointRow> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(row(rows.iterator().next()));
    }

    private static List<EndpointRow> all(RowSet<Row> rows) {
        List<EndpointRow> endpoints = new ArrayList<>();
        rows.forEach(row -> endpoints.add(row(row)));
        return endpoints;
    }

    private static EndpointRow row(Row row) {
        return new EndpointRow(row.getLong("id"), row.getUUID("consumer_id"), row.getString("url"), row.getString("description"),
                Arrays.stream(row.getArrayOfStrings("event_types")).map(WebhookEventType::valueOf).toList(),
                EndpointStatus.valueOf(row.getString("status")), row.getOffsetDateTime("failing_since"),
                row.getOffsetDateTime("previous_secret_until"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"),
                row.getInteger("version"), row.getBuffer("secret").getBytes(),
                row.getBuffer("previous_secret") == null ? null : row.getBuffer("previous_secret").getBytes());
    }
}
