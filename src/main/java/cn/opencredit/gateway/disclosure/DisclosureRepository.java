package cn.opencredit.gateway.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.opencredit.gateway.record.RecordView;
import cn.opencredit.gateway.record.RecordVisibility;
import cn.opencredit.gateway.shared.sql.SqlArgs;

/** Disclosed records across all subjects, newest decision first, on the reactive client. */
@ApplicationScoped
class DisclosureRepository {

    /**
     * The public's visibility ({@link RecordVisibility}) and the disclosed categories, as literal SQL
     * identical to the predicate of the credit_record_disclosure_* indexes (V009): a bound parameter
     * could not prove the partial index applies.
     */
    static final String DISCLOSED = RecordVisibility.publicAndListedSql("r.") + " AND r.category IN ("
            + quoted(Arrays.stream(DisclosureCategory.values()).map(Enum::name).toList()) + ")";

    private static final String COLUMNS = """
            r.id, r.category, r.title, r.decision_number, r.decision_date, r.reported_on, r.source_department, r.source_department_uscc,
            r.content, r.legal_basis, r.severity, r.amount, r.currency, r.published_from, r.published_until, r.status,
            s.uscc, s.name, s.region_code""";

    private final Pool pool;

    DisclosureRepository(Pool pool) {
        this.pool = pool;
    }

    /** Keyset position: the last item's decision date and id. */
    record Position(LocalDate decisionDate, long id) {
    }

    Uni<List<DisclosureView>> page(DisclosureQuery query, Optional<Position> after, LocalDate today, int fetchSize) {
        List<Object> args = new ArrayList<>(List.of(today));
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS)
                .append(" FROM credit_record r JOIN subject s ON s.id = r.subject_id WHERE ").append(DISCLOSED)
                .append(" AND ").append(RecordVisibility.inWindowSql("r.", "$1")).append(" AND s.uscc IS NOT NULL");
        query.category().ifPresent(category -> sql.append(" AND r.category = ").append(SqlArgs.bind(args, category.name())));
        query.department().ifPresent(department -> sql.append(" AND r.source_department_uscc = ").append(SqlArgs.bind(args, department)));
        query.regionPrefix().ifPresent(region -> sql.append(" AND ").append(region.condition("s.region_code", args)));
        query.from().ifPresent(from -> sql.append(" AND r.decision_date >= ").append(SqlArgs.bind(args, from)));
        query.to().ifPresent(to -> sql.append(" AND r.decision_date <= ").append(SqlArgs.bind(args, to)));
        after.ifPresent(position -> sql.append(" AND (r.decision_date, r.id) < (").append(SqlArgs.bind(args, position.decisionDate()))
                .append(", ").append(SqlArgs.bind(args, position.id())).append(')'));
        sql.append(" ORDER BY r.decision_date DESC, r.id DESC LIMIT ").append(SqlArgs.bind(args, fetchSize));
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args))
                .map(rows -> {
                    List<DisclosureView> views = new ArrayList<>(rows.size());
                    rows.forEach(row -> views.add(toView(row)));
                    return views;
                });
    }

    private static String quoted(List<String> constants) {
        return constants.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "));
    }

    private static DisclosureView toView(Row row) {
        RecordView record = RecordView.fromRow(row, "id", "status");
        return new DisclosureView(new DisclosureView.Subject(row.getString("uscc"), row.getString("name"), row.getString("region_code")), record);
    }
}
