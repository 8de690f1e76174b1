package cn.opencredit.gateway.shared.sql;

import java.util.Map;
import java.util.Optional;

import io.quarkus.panache.common.Parameters;

/**
 * A Panache (HQL) query built from optional filters, every value bound as a named parameter, read
 * newest first by id with a keyset bound: the shape of every workflow listing.
 */
public final class FilteredQuery {

    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Parameters parameters = new Parameters();
    private int next;

    /** Keeps the items whose {@code field} equals the value, when there is one. */
    public FilteredQuery equal(String field, Optional<?> value) {
        value.ifPresent(v -> {
            String name = "p" + next++;
            where.append(" AND ").append(field).append(" = :").append(name);
            parameters.and(name, v);
        });
        return this;
    }

    /** Keeps the items that meet {@code condition} (with its own named parameters), when {@code applies}. */
    public FilteredQuery when(boolean applies, String condition, Parameters conditionParameters) {
        if (applies) {
            where.append(" AND (").append(condition).append(')');
            for (Map.Entry<String, Object> parameter : conditionParameters.map().entrySet()) {
                parameters.and(parameter.getKey(), parameter.getValue());
            }
        }
        return this;
    }

    /** Keeps the items older than the keyset bound, when there is one. */
    public FilteredQuery idBefore(Optional<Long> before) {
        before.ifPresent(b -> {
            where.append(" AND id < :before");
            parameters.and("before", b);
        });
        return this;
    }

    /** The query, newest first. */
    public String newestFirst() {
        return where + " ORDER BY id DESC";
    }

    public Parameters parameters() {
        return parameters;
    }
}
