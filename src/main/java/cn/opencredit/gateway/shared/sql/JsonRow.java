package cn.opencredit.gateway.shared.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * A row that PostgreSQL sent as a JSON object (one element of a {@code json_agg}), read through the
 * same {@link Row} getters as a row of a result set, so that a capability maps it with the mapper it
 * already has. JSON keeps no types, so the getters convert as PostgreSQL wrote them: dates and
 * timestamps from their ISO text (timestamps at UTC, as the binary protocol gives them), whole
 * numbers from JSON numbers. A {@code numeric} must be sent as text ({@code amount::text AS amount}):
 * a JSON number with a fraction is read as a double, which would lose its scale; such a value is
 * refused loudly rather than rounded.
 */
public final class JsonRow implements Row {

    private final List<String> columns;
    private final List<Object> values;

    private JsonRow(List<String> columns, JsonObject object) {
        this.columns = columns;
        this.values = new ArrayList<>(columns.size());
        columns.forEach(column -> values.add(object.getValue(column)));
    }

    /** The rows of a {@code json_agg} column, in its order; none when the aggregate had no input (SQL null). */
    public static List<io.vertx.mutiny.sqlclient.Row> rows(Object aggregate) {
        if (aggregate == null) {
            return List.of();
        }
        if (!(aggregate instanceof JsonArray array)) {
            throw new IllegalStateException("expected a JSON array of rows, got " + aggregate.getClass().getSimpleName());
        }
        List<io.vertx.mutiny.sqlclient.Row> rows = new ArrayList<>(array.size());
        // Every element of one aggregate is a row of the same subquery: the same keys in the same order.
        List<String> columns = array.isEmpty() ? List.of() : List.copyOf(array.getJsonObject(0).fieldNames());
        for (int i = 0; i < array.size(); i++) {
            rows.add(io.vertx.mutiny.sqlclient.Row.newInstance(new JsonRow(columns, array.getJsonObject(i))));
        }
        return rows;
    }

    @Override
    public String getColumnName(int pos) {
        return pos >= 0 && pos < columns.size() ? columns.get(pos) : null;
    }

    @Override
    public int getColumnIndex(String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + column + " in the JSON row");
        }
        return index;
    }

    @Override
    public Object getValue(int pos) {
        return values.get(pos);
    }

    @Override
    public String getString(int pos) {
        Object value = values.get(pos);
        return value == null ? null : value.toString();
    }

    @Override
    public Long getLong(int pos) {
        return values.get(pos) instanceof Number number ? Long.valueOf(whole(number, pos).longValue()) : (Long) nullOrFail(pos, "a whole number");
    }

    @Override
    public Integer getInteger(int pos) {
        return values.get(pos) instanceof Number number ? Integer.valueOf(whole(number, pos).intValue()) : (Integer) nullOrFail(pos, "a whole number");
    }

    @Override
    public BigDecimal getBigDecimal(int pos) {
        Object value = values.get(pos);
        if (value instanceof String text) {
            return new BigDecimal(text);
        }
        return value instanceof Number number ? new BigDecimal(whole(number, pos).toString()) : (BigDecimal) nullOrFail(pos, "a decimal as text");
    }

    @Override
    public LocalDate getLocalDate(int pos) {
        return values.get(pos) instanceof String text ? LocalDate.parse(text) : (LocalDate) nullOrFail(pos, "a date");
    }

    @Override
    public OffsetDateTime getOffsetDateTime(int pos) {
        return values.get(pos) instanceof String text ? OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC)
                : (OffsetDateTime) nullOrFail(pos, "a timestamp");
    }

    /** A {@code text[]} column, which PostgreSQL writes into JSON as an array of strings (a NULL element as null). */
    @Override
    public String[] getArrayOfStrings(int pos) {
        if (values.get(pos) instanceof JsonArray array) {
            String[] texts = new String[array.size()];
            for (int i = 0; i < texts.length; i++) {
                Object element = array.getValue(i);
                if (element != null && !(element instanceof String)) {
                    throw new IllegalStateException("column " + columns.get(pos) + " is not an array of strings in the JSON row");
                }
                texts[i] = (String) element;
            }
            return texts;
        }
        return (String[]) nullOrFail(pos, "an array of strings");
    }

    private Number whole(Number number, int pos) {
        if (number instanceof Double || number instanceof Float) {
            throw new IllegalStateException("column " + columns.get(pos) + " came as a JSON number with a fraction; send numerics as text");
        }
        return number;
    }

    private Object nullOrFail(int pos, String expected) {
        if (values.get(pos) != null) {
            throw new IllegalStateException("column " + columns.get(pos) + " is not " + expected + " in the JSON row");
        }
        return null;
    }

    @Override
    public Tuple addValue(Object value) {
        throw new UnsupportedOperationException("a JSON row is read only");
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("a JSON row is read only");
    }

    @Override
    public List<Class<?>> types() {
        return values.stream().<Class<?>>map(value -> value == null ? Object.class : value.getClass()).toList();
    }
}
