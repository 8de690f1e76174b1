package cn.opencredit.gateway.webhook;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The event queue: the outbox the triggers fill, messages, deliveries and their attempts. Claims
 * use {@code FOR UPDATE SKIP LOCKED}, so replicas share the work without waiting on each other.
 */
@ApplicationScoped
class DeliveryRepository {

    private final Pool pool;

    DeliveryRepository(Pool pool) {
        this.pool = pool;
    }

    // ----- dispatch: outbox → messages and deliveries -----

    <T> Uni<T> inTransaction(java.util.function.Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /** A failing of a subject someone may watch, as the trigger captured it. */
    record OutboxRow(long id, long subjectId, WebhookEventType type, String data, OffsetDateTime occurredAt) {
    }

    /** An endpoint that takes new deliveries: enabled, or failing (kept waiting until it is enabled again). */
    record Receiver(long endpointId, UUID consumerId, List<WebhookEventType> eventTypes) {
    }

    /** One message for one consumer, and the endpoints it goes to. */
    record NewMessage(String id, UUID consumerId, long subjectId, WebhookEventType type, String consentCategory, String body,
            OffsetDateTime occurredAt, List<Long> endpointIds) {
    }

    /** Takes (and removes) the oldest outbox rows in the caller's transaction, skipping those another replica holds. */
    Uni<List<OutboxRow>> takeOutbox(SqlConnection connection, int limit) {
        return connection.preparedQuery("""
                        DELETE FROM webhook_outbox WHERE id IN (SELECT id FROM webhook_outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
                        RETURNING id, subject_id, event_type, data::text, occurred_at""")
                .execute(Tuple.of(limit)).map(rows -> {
                    List<OutboxRow> taken = new ArrayList<>();
                    rows.forEach(row -> taken.add(new OutboxRow(row.getLong(0), row.getLong(1), WebhookEventType.valueOf(row.getString(2)),
                            row.getString(3), row.getOffsetDateTime(4))));
                    taken.sort((a, b) -> Long.compare(a.id(), b.id()));
                    return taken;
                });
    }

    Uni<List<Receiver>> receivers(SqlConnection connection) {
        return connection.preparedQuery("SELECT id, consumer_id, event_types FROM webhook_endpoint WHERE status <> 'DISABLED' ORDER BY id")
                .execute().map(rows -> {
                    List<Receiver> receivers = new ArrayList<>();
                    rows.forEach(row -> receivers.add(new Receiver(row.getLong(0), row.getUUID(1),
                            Arrays.stream(row.getArrayOfStrings(2)).map(WebhookEventType::valueOf).toList())));
                    return receivers;
                });
    }

    Uni<Void> insertMessages(SqlConnection connection, List<NewMessage> messages, OffsetDateTime now, Duration retryWindow) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>();
        List<Tuple> deliveries = new ArrayList<>();
        for (NewMessage message : messages) {
            rows.add(Tuple.from(List.of(message.id(), message.consumerId(), message.subjectId(), message.type().name(), message.consentCategory(),
                    message.body(), message.occurredAt(), now)));
            message.endpointIds().forEach(endpoint -> deliveries.add(Tuple.of(message.id(), endpoint, now, now.plus(retryWindow))));
        }
        return connection.preparedQuery("""
                        INSERT INTO webhook_message (id, consumer_id, subject_id, event_type, consent_category, body, occurred_at, created_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""").executeBatch(rows)
                .chain(() -> connection.preparedQuery("""
                        INSERT INTO webhook_delivery (message_id, endpoint_id, next_attempt_at, retry_until, created_at)
                        VALUES ($1, $2, $3, $4, $3)""").executeBatch(deliveries))
                .replaceWithVoid();
    }

    // ----- delivery -----

    /** A delivery this replica holds until its lease ends, with what sending it takes. */
    record Claimed(long deliveryId, UUID leaseToken, int attempts, OffsetDateTime retryUntil, String messageId, String body, long subjectId,
            UUID consumerId, String consentCategory, long endpointId, String url, byte[] secret, byte[] previousSecret,
            OffsetDateTime previousSecretUntil) {
    }

    /**
     * Claims due deliveries of enabled endpoints: each gets a fresh lease token, one more attempt,
     * and a next attempt time at the end of the lease, so that it is due again, for any replica,
     * if this one never reports back. One statement, committed at once.
     */
    Uni<List<Claimed>> claim(int limit, Duration lease, OffsetDateTime now) {
        return pool.preparedQuery("""
                        WITH due AS (
                            SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
                            WHERE d.state = 'PENDING' AND d.next_attempt_at <= $2 AND e.status = 'ENABLED'
                            ORDER BY d.next_attempt_at LIMIT $1 FOR UPDATE OF d SKIP LOCKED),
                        claimed AS (
                            UPDATE webhook_delivery d SET lease_token = gen_random_uuid(), attempts = d.attempts + 1, next_attempt_at = $3
                            FROM due WHERE d.id = due.id
                            RETURNING d.id, d.lease_token, d.attempts, d.retry_until, d.message_id, d.endpoint_id)
                        SELECT c.id, c.lease_token, c.attempts, c.retry_until, m.id, m.body, m.subject_id, m.consumer_id, m.consent_category,
                               e.id, e.url, e.secret, e.previous_secret, e.previous_secret_until
                        FROM claimed c JOIN webhook_message m ON m.id = c.message_id JOIN webhook_endpoint e ON e.id = c.endpoint_id""")
                .execute(Tuple.of(limit, now, now.plus(lease))).map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    rows.forEach(row -> claimed.add(new Claimed(row.getLong(0), row.getUUID(1), row.getInteger(2), row.getOffsetDateTime(3),
                            row.getString(4), row.getString(5), row.getLong(6), row.getUUID(7), row.getString(8), row.getLong(9),
                            row.getString(10), row.getBuffer(11).getBytes(), row.getBuffer(12) == null ? null : row.getBuffer(12).getBytes(),
                            row.getOffsetDateTime(13))));
                    return claimed;
                });
    }

    /** What one attempt came to. */
    record Outcome(DeliveryState state, OffsetDateTime attemptedAt, Integer statusCode, int latencyMs, String error,
            OffsetDateTime nextAttemptAt) {
    }

    /**
     * Records an attempt of a delivery this replica still holds (its lease token matches); a replica
     * whose lease was taken over records nothing. A delivery that failed for good marks its endpoint
     * failing in the same transaction.
     */
    Uni<Boolean> record(Claimed claimed, Outcome outcome) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        UPDATE webhook_delivery SET state = $3::text, lease_token = NULL, last_attempt_at = $4::timestamptz,
                               last_status_code = $5::integer, last_error = $6::text, next_attempt_at = coalesce($7::timestamptz, next_attempt_at),
                               delivered_at = CASE WHEN $3::text = 'DELIVERED' THEN $4::timestamptz END
                        WHERE id = $1 AND lease_token = $2""")
                .execute(Tuple.from(Arrays.asList(claimed.deliveryId(), claimed.leaseToken(), outcome.state().name(), outcome.attemptedAt(),
                        outcome.statusCode(), outcome.error(), outcome.nextAttemptAt())))
                .chain(updated -> {
                    if (updated.rowCount() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    Uni<Void> attempt = connection.preparedQuery("""
                                    INSERT INTO webhook_attempt (delivery_id, attempted_at, status_code, latency_ms, error) VALUES ($1, $2, $3, $4, $5)""")
                            .execute(Tuple.from(Arrays.asList(claimed.deliveryId(), outcome.attemptedAt(), outcome.statusCode(), outcome.latencyMs(),
                                    outcome.error()))).replaceWithVoid();
                    if (outcome.state() != DeliveryState.FAILED) {
                        return attempt.replaceWith(true);
                    }
                    return attempt.chain(() -> connection.preparedQuery("""
                                    UPDATE webhook_endpoint SET status = 'FAILING', failing_since = $2, version = version + 1, updated_at = $2
                                    WHERE id = $1 AND status = 'ENABLED'""").execute(Tuple.of(claimed.endpointId(), outcome.attemptedAt())))
                            .replaceWith(true);
                }));
    }

    /** Consent no longer covers the message: the delivery ends without an attempt, the consent's refusal (consent-revoked …) as its error. */
    Uni<Void> cancel(Claimed claimed, String reason) {
        return pool.preparedQuery("""
                        UPDATE webhook_delivery SET state = 'CANCELLED', lease_token = NULL, last_error = $3, attempts = attempts - 1
                        WHERE id = $1 AND lease_token = $2""")
                .execute(Tuple.of(claimed.deliveryId(), claimed.leaseToken(), reason)).replaceWithVoid();
    }

    // ----- the delivery log -----

    /** A delivery as the log shows it. */
    record LoggedDelivery(long id, String messageId, WebhookEventType type, DeliveryState state, int attempts, OffsetDateTime nextAttemptAt,
            OffsetDateTime retryUntil, Integer lastStatusCode, String lastError, OffsetDateTime deliveredAt, OffsetDateTime createdAt,
            List<DeliveryView.AttemptView> attemptLog) {
    }

    /** The endpoint's deliveries, newest first, each with its attempts. */
    Uni<List<LoggedDelivery>> page(long endpointId, Optional<Long> before, int fetchSize) {
        return pool.preparedQuery("""
                        SELECT d.id, d.message_id, m.event_type, d.state, d.attempts, d.next_attempt_at, d.retry_until, d.last_status_code,
                               d.last_error, d.delivered_at, d.created_at,
                               coalesce((SELECT jsonb_agg(jsonb_build_object('at', a.attempted_at, 'status', a.status_code, 'ms', a.latency_ms,
                                                                             'error', a.error) ORDER BY a.id)
                                         FROM webhook_attempt a WHERE a.delivery_id = d.id), '[]')::text
                        FROM webhook_delivery d JOIN webhook_message m ON m.id = d.message_id
                        WHERE d.endpoint_id = $1 AND d.id < $2 ORDER BY d.id DESC LIMIT $3""")
                .execute(Tuple.of(endpointId, before.orElse(Long.MAX_VALUE), fetchSize)).map(rows -> {
                    List<LoggedDelivery> page = new ArrayList<>();
                    rows.forEach(row -> page.add(logged(row)));
                    return page;
                });
    }

    /**
     * Sends the delivery again under the same message id: pending, due now, with a new retry
     * window. Empty when the endpoint has no such delivery.
     */
    Uni<Optional<Long>> redeliver(long endpointId, long deliveryId, OffsetDateTime now, Duration retryWindow) {
        return pool.preparedQuery("""
                        UPDATE webhook_delivery SET state = 'PENDING', next_attempt_at = $3, retry_until = $4, lease_token = NULL
                        WHERE id = $2 AND endpoint_id = $1 RETURNING id""")
                .execute(Tuple.of(endpointId, deliveryId, now, now.plus(retryWindow)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong(0)));
    }

    Uni<Optional<LoggedDelivery>> find(long endpointId, long deliveryId) {
        return page(endpointId, Optional.of(deliveryId + 1), 1).map(found -> found.stream().filter(d -> d.id() == deliveryId).findFirst());
    }

    private static LoggedDelivery logged(Row row) {
        List<DeliveryView.AttemptView> attempts = new ArrayList<>();
        io.vertx.core.json.JsonArray log = new io.vertx.core.json.JsonArray(row.getString(11));
        for (int i = 0; i < log.size(); i++) {
            io.vertx.core.json.JsonObject attempt = log.getJsonObject(i);
            attempts.add(new DeliveryView.AttemptView(OffsetDateTime.parse(attempt.getString("at")), attempt.getInteger("status"),
                    attempt.getInteger("ms"), attempt.getString("error")));
        }
        return new LoggedDelivery(row.getLong(0), row.getString(1), WebhookEventType.valueOf(row.getString(2)),
                DeliveryState.valueOf(row.getString(3)), row.getInteger(4), row.getOffsetDateTime(5), row.getOffsetDateTime(6),
                row.getInteger(7), row.getString(8), row.getOffsetDateTime(9), row.getOffsetDateTime(10), attempts);
    }
}
