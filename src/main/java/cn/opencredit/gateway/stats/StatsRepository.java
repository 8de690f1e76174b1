package cn.opencredit.gateway.stats;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.opencredit.gateway.shared.time.ChinaTime;

/** The statistics read models (R__stats_disclosure_statistics.sql) on the reactive client. */
@ApplicationScoped
class StatsRepository {


    private final Pool pool;

    StatsRepository(Pool pool) {
        this.pool = pool;
    }

    record DepartmentCounts(String uscc, String name, long licences, long penalties, long timed, long late) {
    }

    record RegionCounts(String regionCode, long subjects, long blackListed) {
    }

    Uni<List<DepartmentCounts>> departments(StatsQuery query) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                SELECT department_uscc, max(department_name) AS name,
                       coalesce(sum(records) FILTER (WHERE category = 'LICENCE'), 0) AS licences,
                       coalesce(sum(records) FILTER (WHERE category = 'PENALTY'), 0) AS penalties,
                       sum(timed) AS timed, sum(late) AS late
                FROM stats_disclosure_daily WHERE true""");
        query.department().ifPresent(department -> {
            args.add(department);
            sql.append(" AND department_uscc = $").append(args.size());
        });
        query.from().ifPresent(from -> {
            args.add(from);
            sql.append(" AND decision_date >= $").append(args.size());
        });
        query.to().ifPresent(to -> {
            args.add(to);
            sql.append(" AND decision_date <= $").append(args.size());
        });
        sql.append(" GROUP BY department_uscc ORDER BY department_uscc");
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args))
                .map(rows -> {
                    List<DepartmentCounts> counts = new ArrayList<>(rows.size());
                    rows.forEach(row -> counts.add(new DepartmentCounts(row.getString("department_uscc"), row.getString("name"),
                            row.getLong("licences"), row.getLong("penalties"), row.getLong("timed"), row.getLong("late"))));
                    return counts;
                });
    }

    Uni<List<RegionCounts>> regions() {
        return pool.query("SELECT region_code, subjects, black_listed FROM stats_region_black_list ORDER BY region_code").execute()
                .map(rows -> {
                    List<RegionCounts> counts = new ArrayList<>(rows.size());
                    rows.forEach(row -> counts.add(new RegionCounts(row.getString("region_code"), row.getLong("subjects"),
                            row.getLong("black_listed"))));
                    return counts;
                });
    }

    /** The older of the two views' computation times; null when both are empty. */
    Uni<OffsetDateTime> computedAt() {
        return pool.query("""
                        SELECT min(computed_at) AS computed_at FROM (
                            (SELECT computed_at FROM stats_disclosure_daily LIMIT 1)
                            UNION ALL (SELECT computed_at FROM stats_region_black_list LIMIT 1)) AS views""").execute()
                .map(rows -> {
                    OffsetDateTime at = rows.iterator().next().getOffsetDateTime("computed_at");
                    return ChinaTime.inChina(at);
                });
    }

    /** Recomputes both views unless another replica is doing it; true when this call did. */
    Uni<Boolean> refresh() {
        return pool.query("SELECT stats_refresh()").execute().map(rows -> rows.iterator().next().getBoolean(0));
    }
}
