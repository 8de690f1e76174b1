package cn.opencredit.gateway.creditlist;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.opencredit.gateway.shared.sql.SqlArgs;
import cn.opencredit.gateway.shared.time.ChinaTime;

/** List entries on the reactive PostgreSQL client: the profile's parts and the public listing. */
@ApplicationScoped
class CreditListRepository {


    private static final String ENTRY_COLUMNS = """
            e.id, e.list_type, s.uscc, s.name, e.authority, e.authority_uscc, e.reason, e.legal_basis, e.legal_representative,
            e.included_at, e.expires_at, e.removed_at, e.removal_reason, e.removal_note""";

    /** The order of a subject's history by the columns {@link #historySql} answers: newest inclusion first. */
    static final String HISTORY_ORDER = "included_at DESC, id DESC";


    private final Pool pool;

    CreditListRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Inclusions and departures (removal, else expiry once passed) per list and month (China time)
     * from {@code since} on; months without either are absent.
     */
    Uni<List<ListMonth>> monthly(List<ListType> types, OffsetDateTime since, OffsetDateTime now) {
        return pool.preparedQuery("""
                        SELECT list_type, month, sum(included) AS included, sum(left_list) AS left_list FROM (
                            SELECT list_type, to_char(included_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, 1 AS included, 0 AS left_list
                              FROM list_entry WHERE list_type = ANY($1) AND included_at >= $2 AND included_at <= $3
                            UNION ALL
                            SELECT list_type, to_char(coalesce(removed_at, expires_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), 0, 1
                              FROM list_entry WHERE list_type = ANY($1) AND coalesce(removed_at, expires_at) >= $2
                               AND coalesce(removed_at, expires_at) <= $3
                        ) changes GROUP BY list_type, month ORDER BY month, list_type""")
                .execute(Tuple.of(types.stream().map(Enum::name).toArray(String[]::new), since, now))
                .map(rows -> {
                    List<ListMonth> months = new ArrayList<>();
                    for (Row row : rows) {
                        months.add(new ListMonth(ListType.valueOf(row.getString("list_type")), row.getString("month"),
                                row.getLong("included"), row.getLong("left_list")));
                    }
                    return months;
                });
    }

    /** A stored entry with its subject's code and name, before the publication rules are applied. */
    record EntryRow(long id, ListType type, String subjectUscc, String subjectName, String authority, String authorityUscc,
            String reason, String legalBasis, String legalRepresentative, OffsetDateTime includedAt, OffsetDateTime expiresAt,
            OffsetDateTime removedAt, RemovalReason removalReason, String removalNote) {
    }

    /** Where a keyset walk stopped: the last entry of the previous page. */
    record Position(OffsetDateTime includedAt, long id) {
    }

    /** Every entry of the subject whose id is the SQL {@code subjectId}, removed and expired ones included; {@link #HISTORY_ORDER} orders them (newest inclusion first). */
    static String historySql(String subjectId) {
        return "SELECT " + ENTRY_COLUMNS + " FROM list_entry e JOIN subject s ON s.id = e.subject_id WHERE e.subject_id = " + subjectId;
    }

    Uni<EntryRow> findEntry(ListType type, long id) {
        return pool.preparedQuery("SELECT " + ENTRY_COLUMNS + " FROM list_entry e JOIN subject s ON s.id = e.subject_id"
                        + " WHERE e.id = $1 AND e.list_type = $2")
                .execute(Tuple.of(id, type.name()))
                .map(rows -> rows.size() == 0 ? null : toEntry(rows.iterator().next()));
    }

    /** The entries among {@code ids} that exist, in one statement. */
    Uni<List<EntryRow>> findEntries(Collection<Long> ids) {
        return pool.preparedQuery("SELECT " + ENTRY_COLUMNS + " FROM list_entry e JOIN subject s ON s.id = e.subject_id WHERE e.id = ANY($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(CreditListRepository::toEntries);
    }

    /**
     * One page of a list, newest inclusion first, after the position {@code after}. The walk follows
     * list_entry_type_included (or list_entry_type_authority_included); the other filters only
     * thin it out, so a deep page costs what the first does.
     */
    Uni<List<EntryRow>> page(ListEntryQuery query, Optional<Position> after, OffsetDateTime now, int fetchSize) {
        List<Object> args = new ArrayList<>(List.of(query.type().name()));
        StringBuilder sql = new StringBuilder("SELECT ").append(ENTRY_COLUMNS)
                .append(" FROM list_entry e JOIN subject s ON s.id = e.subject_id WHERE e.list_type = $1");
        query.authorityUscc().ifPresent(authority -> sql.append(" AND e.authority_uscc = ").append(SqlArgs.bind(args, authority)));
        query.regionPrefix().ifPresent(region -> sql.append(" AND ").append(region.condition("s.region_code", args)));
        query.includedFrom().ifPresent(day -> sql.append(" AND e.included_at >= ").append(SqlArgs.bind(args, startOf(day))));
        query.includedTo().ifPresent(day -> sql.append(" AND e.included_at < ").append(SqlArgs.bind(args, startOf(day.plusDays(1)))));
        query.active().ifPresent(active -> sql.append(active ? " AND (" : " AND NOT (").append(current("e.", SqlArgs.bind(args, now))).append(')'));
        after.ifPresent(position -> sql.append(" AND (e.included_at, e.id) < (").append(SqlArgs.bind(args, position.includedAt())).append(", ")
                .append(SqlArgs.bind(args, position.id())).append(')'));
        sql.append(" ORDER BY e.included_at DESC, e.id DESC LIMIT ").append(SqlArgs.bind(args, fetchSize));
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(CreditListRepository::toEntries);
    }

    /** CreditListPolicies.currentMembership as SQL, on the columns of {@code alias} and the parameter that holds now. */
    private static String current(String alias, String now) {
        return "%1$sremoved_at IS NULL AND %1$sincluded_at <= %2$s AND (%1$sexpires_at IS NULL OR %1$sexpires_at > %2$s)".formatted(alias, now);
    }

    /** Days of the inclusion filter are calendar days in China. */
    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(ChinaTime.ZONE).toOffsetDateTime();
    }

    static List<EntryRow> toEntries(Iterable<Row> rows) {
        List<EntryRow> entries = new ArrayList<>();
        rows.forEach(row -> entries.add(toEntry(row)));
        return entries;
    }

    private static EntryRow toEntry(Row row) {
        String removalReason = row.getString("removal_reason");
        return new EntryRow(
                row.getLong("id"),
                ListType.valueOf(row.getString("list_type")),
                row.getString("uscc"),
                row.getString("name"),
                row.getString("authority"),
                row.getString("authority_uscc"),
                row.getString("reason"),
                row.getString("legal_basis"),
                row.getString("legal_representative"),
                china(row.getOffsetDateTime("included_at")),
                china(row.getOffsetDateTime("expires_at")),
                china(row.getOffsetDateTime("removed_at")),
                removalReason == null ? null : RemovalReason.valueOf(removalReason),
                row.getString("removal_note"));
    }

    private static OffsetDateTime china(OffsetDateTime instant) {
        return ChinaTime.inChina(instant);
    }
}
