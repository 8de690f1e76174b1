package cn.opencredit.gateway.history;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The history chain, read in sequence order on the reactive client. */
@ApplicationScoped
class HistoryRepository {

    private final Pool pool;

    HistoryRepository(Pool pool) {
        this.pool = pool;
    }

    record ChainHead(long sequence, byte[] hash) {
    }

    Uni<ChainHead> head() {
        return pool.query("SELECT last_sequence, last_hash FROM history_chain_head").execute()
                .map(rows -> {
                    var row = rows.iterator().next();
                    return new ChainHead(row.getLong("last_sequence"), row.getBuffer("last_hash").getBytes());
                });
    }

    /** Up to {@code limit} entries after {@code afterSequence} and not past {@code upToSequence}, by primary-key range. */
    Uni<List<HistoryLink>> links(long afterSequence, long upToSequence, int limit) {
        return pool.preparedQuery("""
                        SELECT sequence, table_name, row_id, operation, (extract(epoch FROM recorded_at) * 1000000)::bigint AS micros,
                               content::text AS content, hash
                        FROM history_entry WHERE sequence > $1 AND sequence <= $2 ORDER BY sequence LIMIT $3""")
                .execute(Tuple.of(afterSequence, upToSequence, limit))
                .map(rows -> {
                    List<HistoryLink> links = new ArrayList<>(rows.size());
                    rows.forEach(row -> links.add(new HistoryLink(row.getLong("sequence"), row.getString("table_name"), row.getLong("row_id"),
                            row.getString("operation"), row.getLong("micros"), row.getString("content"), row.getBuffer("hash").getBytes())));
                    return links;
                });
    }
}
