package cn.opencredit.gateway.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The 信易贷 statistics, counted from the demand, answer and outcome tables at each request on the reactive client. */
@ApplicationScoped
class FinanceStatsRepository {

    /**
     * Every demand, answer and outcome as one event with its bank, region, day and amount; demands
     * and answers take the enterprise's current region, outcomes the region kept when reported.
     */
    private static final String EVENTS = """
            WITH events AS (
                SELECT 'demand' AS kind, NULL::uuid AS bank, s.region_code AS region, (d.created_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
                       d.amount, false AS flag
                FROM finance_demand d JOIN subject s ON s.id = d.subject_id
                UNION ALL
                SELECT CASE o.kind WHEN 'OFFER' THEN 'offer' ELSE 'decline' END, o.bank_consumer_id, s.region_code,
                       (o.created_at AT TIME ZONE 'Asia/Shanghai')::date, o.amount, o.state = 'ACCEPTED'
                FROM finance_offer o JOIN finance_demand d ON d.id = o.demand_id JOIN subject s ON s.id = d.subject_id
                UNION ALL
                SELECT CASE WHEN l.granted THEN 'loan' ELSE 'refusal' END, l.bank_consumer_id, l.region_code, l.decided_on, l.amount,
                       l.guarantee_type = 'CREDIT'
                FROM finance_loan_outcome l)
            SELECT grouping(bank, region, to_char(day, 'YYYY-MM')) AS grouping_set, bank, region, to_char(day, 'YYYY-MM') AS month,
                   count(*) FILTER (WHERE kind = 'demand') AS demands,
                   coalesce(sum(amount) FILTER (WHERE kind = 'demand'), 0) AS demanded,
                   count(*) FILTER (WHERE kind = 'offer') AS offers,
                   count(*) FILTER (WHERE kind = 'decline') AS declines,
                   count(*) FILTER (WHERE kind = 'offer' AND flag) AS accepted,
                   count(*) FILTER (WHERE kind = 'loan') AS loans,
                   count(*) FILTER (WHERE kind = 'refusal') AS refusals,
                   coalesce(sum(amount) FILTER (WHERE kind = 'loan'), 0) AS lent,
                   count(*) FILTER (WHERE kind = 'loan' AND flag) AS credit_loans
            FROM events WHERE day BETWEEN $1 AND $2
            GROUP BY GROUPING SETS ((), (bank), (region), (to_char(day, 'YYYY-MM')))
            ORDER BY grouping_set, bank, region, month""";

    /** Which grouping a row of {@link #EVENTS} belongs to: the bits of grouping(bank, region, month), 1 where a column is not grouped. */
    enum Grouping {
        TOTAL, BANK, REGION, MONTH
    }

    record Counts(Grouping grouping, UUID bank, String region, String month, long demands, BigDecimal demanded, long offers, long declines,
            long accepted, long loans, long refusals, BigDecimal lent, long creditLoans) {
    }

    private final Pool pool;

    FinanceStatsRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<List<Counts>> counts(LocalDate from, LocalDate to) {
        return pool.preparedQuery(EVENTS).execute(Tuple.of(from, to)).map(rows -> {
            List<Counts> counts = new ArrayList<>();
            for (Row row : rows) {
                Grouping grouping = switch (row.getInteger("grouping_set")) {
                    case 7 -> Grouping.TOTAL;
                    case 3 -> Grouping.BANK;
                    case 5 -> Grouping.REGION;
                    default -> Grouping.MONTH;
                };
                counts.add(new Counts(grouping, row.getUUID("bank"), row.getString("region"), row.getString("month"), row.getLong("demands"),
                        row.getBigDecimal("demanded"), row.getLong("offers"), row.getLong("declines"), row.getLong("accepted"),
                        row.getLong("loans"), row.getLong("refusals"), row.getBigDecimal("lent"), row.getLong("credit_loans")));
            }
            return counts;
        });
    }

    /** Median days from a demand's posting (Beijing time) to the day its loan was granted, of loans decided in the range. */
    Uni<BigDecimal> medianDaysToLoan(LocalDate from, LocalDate to) {
        return pool.preparedQuery("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY l.decided_on - (d.created_at AT TIME ZONE 'Asia/Shanghai')::date)
                FROM finance_loan_outcome l JOIN finance_demand d ON d.id = l.demand_id
                WHERE l.granted AND l.decided_on BETWEEN $1 AND $2""").execute(Tuple.of(from, to)).map(rows -> {
            Double median = rows.iterator().next().getDouble(0);
            return median == null ? null : BigDecimal.valueOf(median).setScale(1, java.math.RoundingMode.HALF_UP);
        });
    }
}
