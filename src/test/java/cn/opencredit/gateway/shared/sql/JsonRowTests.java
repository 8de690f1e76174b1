package cn.opencredit.gateway.shared.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** Rows as PostgreSQL itself writes them into a {@code json_agg}, read through the getters of a result-set row. */
@QuarkusTest
class JsonRowTests {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Test
    void shouldReadWhatPostgresqlWroteAsTheBinaryProtocolWouldGiveIt() {
        Object aggregate = single("""
                SELECT json_agg(x ORDER BY n) FROM (
                    SELECT 2::bigint AS n, DATE '2026-12-04' AS day, TIMESTAMPTZ '2026-12-04 10:00:00.25+08' AS at,
                           12.50::numeric::text AS amount, 'text' AS words, true AS flag, NULL::date AS nothing
                    UNION ALL
                    SELECT 9007199254740993, DATE '1999-01-31', TIMESTAMPTZ '1999-01-31 23:59:59+00', '-0.10', '', false, NULL) x""");
        List<Row> rows = JsonRow.rows(aggregate);
        assertEquals(2, rows.size(), "every element, in the aggregate's order");

        Row first = rows.getFirst();
        assertEquals(2L, first.getLong("n"));
        assertEquals(2, first.getInteger("n"));
        assertEquals(LocalDate.of(2026, 12, 4), first.getLocalDate("day"));
        assertEquals(OffsetDateTime.of(2026, 12, 4, 2, 0, 0, 250_000_000, ZoneOffset.UTC), first.getOffsetDateTime("at"), "the instant, at UTC");
        assertEquals(new BigDecimal("12.50"), first.getBigDecimal("amount"), "the scale kept");
        assertEquals("text", first.getString("words"));
        assertEquals(Boolean.TRUE, first.getBoolean("flag"));
        assertNull(first.getLocalDate("nothing"));
        assertNull(first.getString("nothing"));
        assertEquals("n", first.getColumnName(0));

        Row second = rows.get(1);
        assertEquals(9007199254740993L, second.getLong("n"), "a bigint beyond a double's exact range");
        assertEquals(new BigDecimal("-0.10"), second.getBigDecimal("amount"));
        assertEquals("", second.getString("words"));
    }

    @Test
    void shouldReadATextArrayAsTheBinaryProtocolWouldGiveIt() {
        List<Row> rows = JsonRow.rows(single("""
                SELECT json_agg(x ORDER BY n) FROM (
                    SELECT 1 AS n, ARRAY['PROFILE', 'TAX', '信易贷']::text[] AS categories
                    UNION ALL SELECT 2, '{}'::text[]
                    UNION ALL SELECT 3, NULL::text[]) x"""));
        assertArrayEquals(new String[] {"PROFILE", "TAX", "信易贷"}, rows.get(0).getArrayOfStrings("categories"), "in order, Han characters kept");
        assertArrayEquals(new String[0], rows.get(1).getArrayOfStrings("categories"));
        assertNull(rows.get(2).getArrayOfStrings("categories"));
        Row numbers = JsonRow.rows(single("SELECT json_agg(x) FROM (SELECT 5 AS n) x")).getFirst();
        assertThrows(IllegalStateException.class, () -> numbers.getArrayOfStrings("n"), "a number is not read as an array");
    }

    @Test
    void shouldRefuseAnArrayOfNumbersAsStringsAndKeepANullElement() {
        Row row = JsonRow.rows(single("SELECT json_agg(x) FROM (SELECT ARRAY[1, 2] AS numbers, ARRAY['A', NULL]::text[] AS texts) x")).getFirst();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> row.getArrayOfStrings("numbers"));
        assertEquals("column numbers is not an array of strings in the JSON row", refused.getMessage());
        assertArrayEquals(new String[] {"A", null}, row.getArrayOfStrings("texts"));
    }

    @Test
    void shouldReadAnAggregateOfNoRowsAsNone() {
        assertEquals(List.of(), JsonRow.rows(single("SELECT json_agg(x) FROM (SELECT 1 AS n WHERE false) x")));
    }

    @Test
    void shouldRefuseANumericSentAsAJsonNumberRatherThanRoundIt() {
        Row row = JsonRow.rows(single("SELECT json_agg(x) FROM (SELECT 0.1::numeric AS amount, 7 AS seven) x")).getFirst();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> row.getBigDecimal("amount"));
        assertTrue(refused.getMessage().contains("amount"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> row.getLocalDate("seven"), "a number is not read as a date");
        assertThrows(IllegalArgumentException.class, () -> row.getString("absent"));
        assertThrows(IllegalStateException.class, () -> JsonRow.rows(single("SELECT json_build_object('n', 1)")));
    }

    private Object single(String sql) {
        return pool.query(sql).execute().await().atMost(PATIENCE).iterator().next().getValue(0);
    }
}
