package cn.opencredit.gateway.changefeed;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.RecordView;
import cn.opencredit.gateway.subject.SubjectStatus;
import cn.opencredit.gateway.subject.SubjectSummaryView;
import cn.opencredit.gateway.subject.SubjectType;
import cn.opencredit.gateway.shared.time.ChinaTime;

/** The feed table, the sequencer function and the rows the changes are about, on the reactive client. */
@ApplicationScoped
class ChangeFeedRepository {


    /**
     * A page of changes with the current state of their rows. The row of a record or list entry is
     * joined only while its subject has a USCC, so nothing of a natural person is ever rendered.
     */
    private static final String PAGE = """
            SELECT c.position, c.kind, c.operation, c.entity_id, c.subject_uscc, c.occurred_at,
                   s.uscc AS s_uscc, s.name AS s_name, s.subject_type AS s_type, s.region_code AS s_region, s.status AS s_status,
                   s.registered_on AS s_registered_on,
                   r.id AS r_id, r.category, r.title, r.decision_number, r.decision_date, r.reported_on, r.source_department,
                   r.source_department_uscc, r.content, r.legal_basis, r.severity, r.amount, r.currency, r.published_from,
                   r.published_until, r.status AS r_status, r.disclosure_level,
                   l.list_type
            FROM changefeed_change c
            LEFT JOIN subject s ON c.kind = 'SUBJECT' AND s.id = c.entity_id AND s.uscc IS NOT NULL
            LEFT JOIN (credit_record r JOIN subject rs ON rs.id = r.subject_id AND rs.uscc IS NOT NULL)
                   ON c.kind = 'RECORD' AND r.id = c.entity_id
            LEFT JOIN (list_entry l JOIN subject ls ON ls.id = l.subject_id AND ls.uscc IS NOT NULL)
                   ON c.kind = 'LIST_ENTRY' AND l.id = c.entity_id
            WHERE c.position > $1
            ORDER BY c.position
            LIMIT $2""";

    private final Pool pool;

    ChangeFeedRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * A change with what exists of its row now: {@code subject}, {@code record} (with its level) or
     * {@code listType} is null when the row is gone or not about a subject with a USCC.
     */
    record StoredChange(long position, ChangeKind kind, String operation, long entityId, String subjectUscc, OffsetDateTime occurredAt,
            SubjectSummaryView subject, RecordView record, DisclosureLevel disclosureLevel, ListType listType) {
    }

    /**
     * Numbers up to {@code batchSize} committed changes. When another run is numbering right now: 0
     * at once, or with {@code waitForRunning} after that run has committed (then this one numbers
     * what committed meanwhile).
     */
    Uni<Integer> sequence(int batchSize, boolean waitForRunning) {
        return pool.preparedQuery("SELECT changefeed_sequence($1, $2)").execute(Tuple.of(batchSize, waitForRunning))
                .map(rows -> rows.iterator().next().getInteger(0));
    }

    Uni<List<StoredChange>> page(long afterPosition, int limit) {
        return pool.preparedQuery(PAGE).execute(Tuple.of(afterPosition, limit))
                .map(rows -> {
                    List<StoredChange> changes = new ArrayList<>(rows.size());
                    rows.forEach(row -> changes.add(toChange(row)));
                    return changes;
                });
    }

    private static StoredChange toChange(Row row) {
        String listType = row.getString("list_type");
        return new StoredChange(
                row.getLong("position"),
                ChangeKind.valueOf(row.getString("kind")),
                row.getString("operation"),
                row.getLong("entity_id"),
                row.getString("subject_uscc"),
                row.getOffsetDateTime("occurred_at").withOffsetSameInstant(ChinaTime.OFFSET),
                row.getString("s_uscc") == null ? null : toSubject(row),
                row.getLong("r_id") == null ? null : RecordView.fromRow(row, "r_id", "r_status"),
                row.getLong("r_id") == null ? null : DisclosureLevel.valueOf(row.getString("disclosure_level")),
                listType == null ? null : ListType.valueOf(listType));
    }

    private static SubjectSummaryView toSubject(Row row) {
        return new SubjectSummaryView(row.getString("s_uscc"), row.getString("s_name"), SubjectType.valueOf(row.getString("s_type")),
                row.getString("s_region"), SubjectStatus.valueOf(row.getString("s_status")), row.getLocalDate("s_registered_on"));
    }

}
