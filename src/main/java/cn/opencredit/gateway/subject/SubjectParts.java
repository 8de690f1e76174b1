package cn.opencredit.gateway.subject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.vertx.mutiny.sqlclient.Row;

import cn.opencredit.gateway.shared.sql.SqlArgs;
import cn.opencredit.gateway.shared.uscc.Uscc;

/**
 * A read of one subject together with parts that other capabilities own (its list entries, records,
 * evaluation, a grantee's consents), answered by PostgreSQL in one statement: each part is a correlated subquery whose rows
 * come back as one JSON array and are read with the part's own row mapper ({@code JsonRow}). One
 * statement instead of one per part: each round trip to PostgreSQL cost a cache miss about 50 µs
 * of the JVM and 20–40 µs of PostgreSQL (docs/benchmarks.md, seventh sitting).
 *
 * <p>A capability adds its part with {@link #add}, writing its SQL against {@link #subjectId()} and
 * binding its values with {@link #bind}; the subject capability then reads all of them at once
 * ({@link SubjectService#read}).
 */
public final class SubjectParts {

    /** The alias of the subject's row in the statement; parts must not use it for their own tables. */
    static final String ALIAS = "part_subject";

    private final Uscc uscc;
    private final List<Object> args = new ArrayList<>();
    private final List<Part<?>> parts = new ArrayList<>();

    private SubjectParts(Uscc uscc) {
        this.uscc = uscc;
        args.add(uscc.value());
    }

    /** A read of the subject with this USCC, its USCC bound as {@code $1}. */
    public static SubjectParts of(Uscc uscc) {
        return new SubjectParts(uscc);
    }

    /** The subject's internal id in the statement, for a part's correlation ({@code WHERE subject_id = } this). */
    public String subjectId() {
        return subjectColumn("id");
    }

    /** A column of the subject's row in the statement, for a part that carries it ({@code uscc}, {@code name}). */
    public String subjectColumn(String column) {
        return ALIAS + "." + column;
    }

    /** Binds {@code value} as a parameter of the statement and answers its placeholder. */
    public String bind(Object value) {
        return SqlArgs.bind(args, value);
    }

    /**
     * Adds a part: {@code sql} selects its rows (about {@link #subjectId()}), {@code order} orders them
     * by their own column names (the order of the JSON array), and {@code read} maps them.
     */
    public <T> Part<T> add(String sql, String order, Function<List<Row>, T> read) {
        Part<T> part = new Part<>(parts.size(), sql, order, read);
        parts.add(part);
        return part;
    }

    Uscc uscc() {
        return uscc;
    }

    List<Object> args() {
        return args;
    }

    List<Part<?>> parts() {
        return parts;
    }

    /** One part of the read; its value is taken from the {@link Read} with {@link Read#get}. */
    public record Part<T>(int index, String sql, String order, Function<List<Row>, T> read) {
    }

    /** The subject and the value of each part. */
    public record Read(SubjectDetails subject, List<Object> values) {

        @SuppressWarnings("unchecked")
        public <T> T get(Part<T> part) {
            return (T) values.get(part.index());
        }
    }
}
