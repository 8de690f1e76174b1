package cn.opencredit.gateway.subject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.opencredit.gateway.shared.sql.JsonRow;
import cn.opencredit.gateway.shared.sql.SqlArgs;
import cn.opencredit.gateway.shared.uscc.Uscc;

/** Subjects on the reactive PostgreSQL client (the hot read path and bulk writes), and the row lock writers take. */
@ApplicationScoped
class SubjectRepository {

    private static final String COLUMNS = """
            id, uscc, name, subject_type, legal_representative, region_code, industry_section, registered_on, status,
            registered_capital, capital_currency, address""";

    /** {@link #COLUMNS} of the subject's row in a read with parts ({@link #sql(SubjectParts)}), worked out once rather than per read. */
    private static final String PARTS_COLUMNS = Arrays.stream(COLUMNS.split(","))
            .map(column -> SubjectParts.ALIAS + "." + column.strip()).collect(Collectors.joining(", "));

    /** {@link SubjectNames#key} in SQL: the folded name without white space. */
    private static final String NAME_KEY = "regexp_replace(name_folded, '[[:space:]]+', '', 'g')";

    /** The subjects with a USCC whose name key is one of $1; served by the index subject_name_key. */
    static final String USCCS_BY_NAME_KEY = "SELECT " + NAME_KEY + ", uscc FROM subject WHERE uscc IS NOT NULL AND " + NAME_KEY + " = ANY($1)";

    /** Counting a pair's subjects up to this tells a rare pair from a common one without counting the common ones. */
    private static final int PAIR_COUNT_CAP = 1_000;

    private final Pool pool;
    private final Pool searchPool;

    SubjectRepository(Pool pool, @ReactiveDataSource("search") Pool searchPool) {
        this.pool = pool;
        this.searchPool = searchPool;
    }

    /**
     * The subject with this USCC, or null, locked until the caller's Hibernate Reactive transaction
     * ends, so that writers about one subject take turns. FOR NO KEY UPDATE still lets other
     * transactions insert rows that reference the subject, such as its records.
     */
    Uni<LockedSubject> lockForUpdate(String uscc) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                                SELECT id, name, subject_type, legal_representative FROM subject WHERE uscc = :uscc FOR NO KEY UPDATE""",
                        Object[].class)
                .setParameter("uscc", uscc)
                .getSingleResultOrNull())
                .map(row -> row == null ? null : new LockedSubject(((Number) row[0]).longValue(), (String) row[1],
                        SubjectType.valueOf((String) row[2]), Optional.ofNullable((String) row[3]).filter(name -> !name.isBlank())));
    }

    Uni<Map<String, String>> registeredNames(SqlConnection tx, Set<String> usccs) {
        return tx.preparedQuery("SELECT uscc, name FROM subject WHERE uscc = ANY($1)")
                .execute(Tuple.of(usccs.toArray(String[]::new)))
                .map(result -> {
                    Map<String, String> names = new HashMap<>();
                    result.forEach(row -> names.put(row.getString(0), row.getString(1)));
                    return names;
                });
    }

    /** Registered USCCs by name key ({@link SubjectNames#key} as SQL, served by the subject_name_key index). */
    Uni<Map<String, Set<String>>> usccsByNameKey(SqlConnection tx, Set<String> nameKeys) {
        return tx.preparedQuery(USCCS_BY_NAME_KEY)
                .execute(Tuple.of(nameKeys.toArray(String[]::new)))
                .map(result -> {
                    Map<String, Set<String>> usccs = new HashMap<>();
                    result.forEach(row -> usccs.computeIfAbsent(row.getString(0), k -> new TreeSet<>()).add(row.getString(1)));
                    return usccs;
                });
    }

    /** One that another transaction registered meanwhile is left as it is. */
    Uni<Void> insertAll(SqlConnection tx, List<NewSubject> subjects) {
        if (subjects.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                        INSERT INTO subject (uscc, identity_hash, name, subject_type, legal_representative, region_code)
                        SELECT * FROM unnest($1::text[], $2::bytea[], $3::text[], $4::text[], $5::text[], $6::text[])
                        ON CONFLICT DO NOTHING""")
                .execute(Tuple.tuple(List.of(
                        subjects.stream().map(NewSubject::uscc).toArray(String[]::new),
                        subjects.stream().map(s -> s.identityHash() == null ? null : Buffer.buffer(s.identityHash())).toArray(Buffer[]::new),
                        subjects.stream().map(NewSubject::name).toArray(String[]::new),
                        subjects.stream().map(s -> s.type().name()).toArray(String[]::new),
                        subjects.stream().map(NewSubject::legalRepresentative).toArray(String[]::new),
                        subjects.stream().map(NewSubject::regionCode).toArray(String[]::new))))
                .replaceWithVoid();
    }

    /** Subject ids keyed by {@link SubjectService#key}. */
    Uni<Map<String, Long>> ids(SqlConnection tx, Set<String> usccs, List<byte[]> identityHashes) {
        return tx.preparedQuery("SELECT id, uscc, identity_hash FROM subject WHERE uscc = ANY($1) OR identity_hash = ANY($2)")
                .execute(Tuple.of(usccs.toArray(String[]::new), identityHashes.stream().map(Buffer::buffer).toArray(Buffer[]::new)))
                .map(result -> {
                    Map<String, Long> ids = new HashMap<>();
                    result.forEach(row -> {
                        var hash = row.getBuffer("identity_hash");
                        ids.put(SubjectService.key(row.getString("uscc"), hash == null ? null : hash.getBytes()), row.getLong("id"));
                    });
                    return ids;
                });
    }

    Uni<SubjectDetails> findByUscc(Uscc uscc) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM subject WHERE uscc = $1")
                .execute(Tuple.of(uscc.value()))
                .map(rows -> rows.size() == 0 ? null : toRow(rows.iterator().next()));
    }

    /** The subject with the parts' USCC and, in the same statement, every part's rows; null when there is none. */
    Uni<SubjectParts.Read> read(SubjectParts read) {
        return pool.preparedQuery(sql(read)).execute(Tuple.from(read.args())).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            List<Object> values = new ArrayList<>(read.parts().size());
            for (SubjectParts.Part<?> part : read.parts()) {
                values.add(part.read().apply(JsonRow.rows(row.getValue("part_" + part.index()))));
            }
            return new SubjectParts.Read(toRow(row), values);
        });
    }

    /** The statement of {@link #read}: the subject's row and, as column {@code part_<index>}, each part's rows as a JSON array. */
    static String sql(SubjectParts read) {
        String alias = SubjectParts.ALIAS;
        StringBuilder sql = new StringBuilder("SELECT ").append(PARTS_COLUMNS);
        for (SubjectParts.Part<?> part : read.parts()) {
            String name = "part_" + part.index();
            sql.append(", (SELECT json_agg(").append(name).append(" ORDER BY ").append(part.order()).append(") FROM (")
                    .append(part.sql()).append(") AS ").append(name).append(") AS ").append(name);
        }
        return sql.append(" FROM subject ").append(alias).append(" WHERE ").append(alias).append(".uscc = $1").toString();
    }

    Uni<String> findUsccById(long id) {
        return pool.preparedQuery("SELECT uscc FROM subject WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    Uni<Long> findIdByUscc(Uscc uscc) {
        return pool.preparedQuery("SELECT id FROM subject WHERE uscc = $1")
                .execute(Tuple.of(uscc.value()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
    }

    /** The search generation (V053): it grows with every committed change that can change a search answer. */
    Uni<Long> searchGeneration() {
        return pool.preparedQuery("SELECT sum(changes)::bigint FROM subject_search_generation")
                .execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Subjects in USCC order after {@code afterUscc}. A name fragment walks the subjects holding one
     * of its keys in USCC order (V011, V015): one or two characters are their own key; a longer
     * fragment walks its rarest character pair and checks its other pairs in the same index. The
     * fragment itself is then checked on the name, so a page reads about as many rows as it answers.
     * A fragment that could start a USCC also matches USCCs, as a half-open range merged in order.
     * Searches run on the "search" pool, where every execution is planned for its own words.
     */
    Uni<List<SubjectDetails>> search(SubjectSearch search, Optional<String> afterUscc, int fetchSize) {
        if (search.text().isEmpty()) {
            return list(search, afterUscc, fetchSize);
        }
        String text = search.text().get();
        if (text.codePointCount(0, text.length()) <= 2) {
            return byName(search, text, Optional.empty(), afterUscc, fetchSize);
        }
        return rarestPair(text).flatMap(rarest -> byName(search, text, Optional.of(rarest), afterUscc, fetchSize));
    }

    private Uni<List<SubjectDetails>> list(SubjectSearch search, Optional<String> afterUscc, int fetchSize) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM subject s WHERE s.uscc IS NOT NULL" + filters(search, afterUscc, args)
                + " ORDER BY s.uscc LIMIT " + SqlArgs.bind(args, fetchSize);
        return searchPool.preparedQuery(sql).execute(Tuple.from(args)).map(SubjectRepository::toRows);
    }

    /**
     * The pair of {@code text} held by the fewest subjects (counted up to a cap by
     * {@code subject_name_pair_holders}, V014, which is enough to tell a rare pair from a common
     * one). Found in a statement of its own so that the walk is planned for that very pair: inside
     * one statement the planner sees an unknown pair and estimates an average one, and for a common
     * pair it then gathers and sorts every holder instead of walking the key in order.
     */
    private Uni<String> rarestPair(String text) {
        return searchPool.preparedQuery("""
                SELECT p.pair FROM unnest(subject_name_bigrams($1)) AS p(pair)
                ORDER BY subject_name_pair_holders(p.pair, %d), p.pair
                LIMIT 1""".formatted(PAIR_COUNT_CAP))
                .execute(Tuple.of(text))
                .map(rows -> rows.iterator().next().getString("pair"));
    }

    /**
     * Name matches in USCC order: the walk follows the subjects holding the fragment's key (itself
     * when it has one or two characters, lower-cased as the index is; else {@code rarestPair}),
     * keeps those that hold every other pair of a longer fragment too, and checks the fragment (and
     * the region and type) on each subject it reaches. The check sits in a lateral subquery the
     * planner may not pull up (OFFSET 0): it estimates a name pattern to match a few dozen subjects
     * where thousands do, and would otherwise scan every subject for the pattern and sort the
     * matches (370 ms for 饭店 at 1 000 000 subjects, against 1 ms walking the pair).
     */
    private Uni<List<SubjectDetails>> byName(SubjectSearch search, String text, Optional<String> rarestPair, Optional<String> afterUscc,
            int fetchSize) {
        List<Object> args = new ArrayList<>();
        String key = rarestPair.map(pair -> SqlArgs.bind(args, pair)).orElseGet(() -> "lower(" + SqlArgs.bind(args, text) + ")");
        String otherPairs = rarestPair.isEmpty() ? "" : """
                  AND NOT EXISTS (SELECT 1 FROM unnest(subject_name_bigrams(%s)) AS q(pair)
                                  WHERE q.pair <> n.pair AND NOT EXISTS (SELECT 1 FROM subject_name_pair m WHERE m.pair = q.pair AND m.uscc = n.uscc))
                """.formatted(SqlArgs.bind(args, text));
        String after = afterUscc.map(uscc -> "  AND n.uscc > " + SqlArgs.bind(args, uscc) + "\n").orElse("");
        String byName = """
                SELECT matched.* FROM subject_name_pair n
                CROSS JOIN LATERAL (SELECT %s FROM subject s
                                    WHERE s.uscc = n.uscc AND s.name_folded ILIKE %s%s OFFSET 0) matched
                WHERE n.pair = %s
                %s%sORDER BY n.uscc LIMIT %s""".formatted(COLUMNS, SqlArgs.bind(args, "%" + SqlArgs.escapeLike(text) + "%"),
                filters(search, Optional.empty(), args), key, otherPairs, after, SqlArgs.bind(args, fetchSize));
        String sql = search.usccPrefix().map(prefix -> "SELECT * FROM ((" + byName + ") UNION (SELECT " + COLUMNS
                        + " FROM subject s WHERE s.uscc >= " + SqlArgs.bind(args, prefix) + " AND s.uscc < "
                        + SqlArgs.bind(args, SqlArgs.upperBound(prefix)) + filters(search, afterUscc, args)
                        + " ORDER BY s.uscc LIMIT " + SqlArgs.bind(args, fetchSize) + ")) matches ORDER BY uscc LIMIT "
                        + SqlArgs.bind(args, fetchSize))
                .orElse(byName);
        return searchPool.preparedQuery(sql).execute(Tuple.from(args)).map(SubjectRepository::toRows);
    }

    /** The region, type and keyset conditions, on subject {@code s}. */
    private static String filters(SubjectSearch search, Optional<String> afterUscc, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        search.regionPrefix().ifPresent(region -> sql.append(" AND ").append(region.condition("s.region_code", args)));
        search.type().ifPresent(type -> sql.append(" AND s.subject_type = ").append(SqlArgs.bind(args, type.name())));
        afterUscc.ifPresent(after -> sql.append(" AND s.uscc > ").append(SqlArgs.bind(args, after)));
        return sql.toString();
    }

    private static List<SubjectDetails> toRows(RowSet<Row> rows) {
        List<SubjectDetails> result = new ArrayList<>(rows.size());
        rows.forEach(row -> result.add(toRow(row)));
        return result;
    }

    private static SubjectDetails toRow(Row row) {
        return new SubjectDetails(
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
