package cn.opencredit.gateway.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.opencredit.gateway.shared.time.ChinaTime;

/** Reads of the access log: newest first, keyset on (occurred_at, id) across partitions. */
@ApplicationScoped
class AccessLogRepository {

    private final Pool pool;

    AccessLogRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<List<AccessLogView>> findBySubject(String uscc, Optional<OffsetDateTime> afterTime, Optional<Long> afterId, int fetchSize) {
        String keyset = afterTime.isPresent() ? " AND (occurred_at, id) < ($2, $3)" : "";
        Tuple args = afterTime.isPresent() ? Tuple.of(uscc, afterTime.get(), afterId.orElseThrow(), fetchSize) : Tuple.of(uscc, fetchSize);
        String limit = afterTime.isPresent() ? "$4" : "$2";
        return pool.preparedQuery("""
                        SELECT id, occurred_at, consumer_name, consumer_type, operation, purpose, outcome, consent_id, disclosed
                        FROM audit_access_log WHERE subject_uscc = $1%s ORDER BY occurred_at DESC, id DESC LIMIT %s""".formatted(keyset, limit))
                .execute(args)
                .map(rows -> {
                    List<AccessLogView> views = new ArrayList<>(rows.size());
                    rows.forEach(row -> views.add(new AccessLogView(
                            row.getLong("id").toString(),
                            row.getOffsetDateTime("occurred_at").withOffsetSameInstant(ChinaTime.OFFSET),
                            row.getString("consumer_name"),
                            row.getString("consumer_type").toLowerCase(Locale.ROOT).replace('_', '-'),
                            row.getString("operation"),
                            row.getString("purpose"),
                            row.getShort("outcome"),
                            row.getLong("consent_id") == null ? null : row.getLong("consent_id").toString(),
                            row.getString("disclosed") == null ? null : List.of(row.getString("disclosed").split(",")))));
                    return views;
                });
    }
}
