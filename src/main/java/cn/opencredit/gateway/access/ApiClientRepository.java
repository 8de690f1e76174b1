package cn.opencredit.gateway.access;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.opencredit.gateway.shared.security.ApiClient;

/** The per-request key lookup, on the reactive client: one indexed query joining key and consumer. */
@ApplicationScoped
class ApiClientRepository {

    private final Pool pool;

    ApiClientRepository(Pool pool) {
        this.pool = pool;
    }

    /** AccessPolicies.usableKey and activeConsumer as SQL. */
    Uni<ApiClient> findUsable(byte[] keyHash, OffsetDateTime now) {
        return pool.preparedQuery("""
                        SELECT k.id AS key_id, c.id, c.name, c.consumer_type, c.scopes, c.plan, c.bound_uscc
                        FROM access_key k JOIN access_consumer c ON c.id = k.consumer_id
                        WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > $2)
                          AND c.status = 'ACTIVE'""")
                .execute(Tuple.of(Buffer.buffer(keyHash), now))
                .map(rows -> rows.size() == 0 ? null : toClient(rows.iterator().next()));
    }

    private static ApiClient toClient(Row row) {
        UUID consumerId = row.getUUID("id");
        return new ApiClient(consumerId, row.getUUID("key_id"), row.getString("name"), row.getString("consumer_type"),
                new LinkedHashSet<>(Arrays.asList(row.getArrayOfStrings("scopes"))), row.getString("plan"), row.getString("bound_uscc"),
                "consumer:" + consumerId);
    }
}
