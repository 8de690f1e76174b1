package cn.opencredit.gateway.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.opencredit.gateway.shared.time.ChinaTime;

/** report_issued: what verifying a report needs, never its content. */
@Singleton
class ReportRepository {

    /** One issued report as stored. */
    record Issued(String code, String subjectUscc, ReportLevel level, String format, byte[] sha256, int bytes, OffsetDateTime issuedAt,
            OffsetDateTime validUntil) {
    }

    private final Pool pool;

    ReportRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<Void> insert(Issued issued, UUID consumerId) {
        return pool.preparedQuery("""
                        INSERT INTO report_issued (code, subject_uscc, level, format, content_sha256, content_bytes, issued_at, valid_until, consumer_id)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                .execute(Tuple.tuple(List.of(issued.code(), issued.subjectUscc(), issued.level().name(), issued.format(),
                        Buffer.buffer(issued.sha256()), issued.bytes(), issued.issuedAt(), issued.validUntil())).addUUID(consumerId))
                .replaceWithVoid();
    }

    Uni<Optional<Issued>> find(String code) {
        return pool.preparedQuery("""
                        SELECT code, subject_uscc, level, format, content_sha256, content_bytes, issued_at, valid_until FROM report_issued WHERE code = $1""")
                .execute(Tuple.of(code)).map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(issued(rows.iterator().next())));
    }

    private static Issued issued(Row row) {
        return new Issued(row.getString("code"), row.getString("subject_uscc"), ReportLevel.valueOf(row.getString("level")), row.getString("format"),
                row.getBuffer("content_sha256").getBytes(), row.getInteger("content_bytes"), ChinaTime.inChina(row.getOffsetDateTime("issued_at")),
                ChinaTime.inChina(row.getOffsetDateTime("valid_until")));
    }
}
