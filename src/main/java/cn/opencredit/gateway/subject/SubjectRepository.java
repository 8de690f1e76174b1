package cn.opencredit.gateway.subject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.opencredit.gateway.shared.sql.SqlArgs;
import cn.opencredit.gateway.shared.uscc.Uscc;

/** Subject reads on the reactive PostgreSQL client (the hot read path). */
@ApplicationScoped
class SubjectRepository {

    private static final String COLUMNS = """
            id, uscc, name, subject_type, legal_representative, region_code, industry_section, registered_on, status,
            registered_capital, capital_currency, address""";

    private final Pool pool;
    private final Pool searchPool;

    SubjectRepository(Pool pool, @ReactiveDataSource("search") Pool searchPool) {
        this.pool = pool;
        this.searchPool = searchPool;
    }

    Uni<SubjectRow> findByUscc(Uscc uscc) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM subject WHERE uscc = $1")
                .execute(Tuple.of(uscc.value()))
                .map(rows -> rows.size() == 0 ? null : toRow(rows.iterator().next()));
    }

    Uni<Long> findIdByUscc(Uscc uscc) {
        return pool.preparedQuery("SELECT id FROM subject WHERE uscc = $1")
                .execute(Tuple.of(uscc.value()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
    }

    /**
     * Subjects in USCC order after {@code afterUscc}. Prefixes become half-open ranges so that the
     * btree indexes serve them whatever plan the prepared statement settles on; name fragments of
     * two or more characters go through the index of the names' character pairs (V010). Searches
     * run on the "search" pool, where every execution is planned for its own words.
     */
    Uni<List<SubjectRow>> search(SubjectSearch search, Optional<String> afterUscc, int fetchSize) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM subject WHERE uscc IS NOT NULL");
        search.text().ifPresent(text -> {
            sql.append(" AND (");
            if (text.codePointCount(0, text.length()) >= 2) {
                // The GIN index on the names' character pairs finds the candidates; ILIKE checks the fragment.
                args.add(text);
                sql.append("name_bigrams @> subject_name_bigrams($").append(args.size()).append(") AND ");
            }
            args.add("%" + SqlArgs.escapeLike(text) + "%");
            sql.append("name_folded ILIKE $").append(args.size());
            search.usccPrefix().ifPresent(prefix -> {
                args.add(prefix);
                args.add(SqlArgs.upperBound(prefix));
                sql.append(" OR (uscc >= $").append(args.size() - 1).append(" AND uscc < $").append(args.size()).append(')');
            });
            sql.append(')');
        });
        search.regionPrefix().ifPresent(region -> sql.append(" AND ").append(region.condition("region_code", args)));
        search.type().ifPresent(type -> {
            args.add(type.name());
            sql.append(" AND subject_type = $").append(args.size());
        });
        afterUscc.ifPresent(after -> {
            args.add(after);
            sql.append(" AND uscc > $").append(args.size());
        });
        args.add(fetchSize);
        sql.append(" ORDER BY uscc LIMIT $").append(args.size());
        return searchPool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(SubjectRepository::toRows);
    }

    private static List<SubjectRow> toRows(RowSet<Row> rows) {
        List<SubjectRow> result = new ArrayList<>(rows.size());
        rows.forEach(row -> result.add(toRow(row)));
        return result;
    }

    private static SubjectRow toRow(Row row) {
        return new SubjectRow(
                row.getLong("id"),
                row.getString("uscc"),
                row.getString("name"),
                SubjectType.valueOf(row.getString("subject_type")),
                row.getString("legal_representative"),
                row.getString("region_code"),
                row.getString("industry_section"),
                row.getLocalDate("registered_on"),
                SubjectStatus.valueOf(row.getString("status")),
                row.getBigDecimal("registered_capital"),
                row.getString("capital_currency"),
                row.getString("address"));
    }
}
