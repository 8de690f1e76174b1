package cn.opencredit.gateway.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.opencredit.gateway.shared.sql.SqlArgs;
import cn.opencredit.gateway.shared.time.ChinaTime;

/** Reads of the operations log: newest first, keyset on (occurred_at, id) across partitions. */
@ApplicationScoped
class OperationLogRepository {

    private final Pool pool;

    OperationLogRepository(Pool pool) {
        this.pool = pool;
    }

    record Position(OffsetDateTime occurredAt, long id) {
    }

    Uni<List<OperationLogView>> find(OperationLogQuery query, Optional<Position> after, int fetchSize) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                SELECT id, occurred_at, consumer_id, consumer_name, consumer_type, key_id, operation, filters, items, outcome, request_id
                FROM audit_operation_log WHERE true""");
        query.consumer().ifPresent(consumer -> sql.append(" AND consumer_id = ").append(SqlArgs.bind(args, consumer)));
        query.operation().ifPresent(operation -> sql.append(" AND operation = ").append(SqlArgs.bind(args, operation)));
        query.from().ifPresent(day -> sql.append(" AND occurred_at >= ").append(SqlArgs.bind(args, startOf(day))));
        query.to().ifPresent(day -> sql.append(" AND occurred_at < ").append(SqlArgs.bind(args, startOf(day.plusDays(1)))));
        after.ifPresent(position -> sql.append(" AND (occurred_at, id) < (").append(SqlArgs.bind(args, position.occurredAt())).append(", ")
                .append(SqlArgs.bind(args, position.id())).append(')'));
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ").append(SqlArgs.bind(args, fetchSize));
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<OperationLogView> views = new ArrayList<>(rows.size());
            rows.forEach(row -> {
                UUID consumer = row.getUUID("consumer_id");
                UUID key = row.getUUID("key_id");
                views.add(new OperationLogView(row.getLong("id").toString(),
                        row.getOffsetDateTime("occurred_at").atZoneSameInstant(ChinaTime.ZONE).toOffsetDateTime(),
                        consumer == null ? null : consumer.toString(), row.getString("consumer_name"),
                        row.getString("consumer_type").toLowerCase(Locale.ROOT).replace('_', '-'), key == null ? null : key.toString(),
                        row.getString("operation"), ((JsonObject) row.getValue("filters")).getMap(), row.getInteger("items"),
                        row.getShort("outcome"), row.getString("request_id")));
            });
            return views;
        });
    }

    private static OffsetDateTime startOf(java.time.LocalDate day) {
        return day.atStartOfDay(ChinaTime.ZONE).toOffsetDateTime();
    }
}
