package cn.opencredit.gateway.creditlist;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** List entries on the reactive PostgreSQL client. */
@ApplicationScoped
class CreditListRepository {

    /** CreditListPolicies.currentMembership as SQL, $2 = now. */
    private static final String CURRENT = "removed_at IS NULL AND included_at <= $2 AND (expires_at IS NULL OR expires_at > $2)";

    private final Pool pool;

    CreditListRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<List<ListMembershipView>> findCurrent(long subjectId, OffsetDateTime now) {
        return pool.preparedQuery("""
                        SELECT id, list_type, authority, authority_uscc, reason, legal_basis, included_at, expires_at
                        FROM list_entry WHERE subject_id = $1 AND %s ORDER BY list_type, included_at DESC, id DESC""".formatted(CURRENT))
                .execute(Tuple.of(subjectId, now))
                .map(rows -> {
                    List<ListMembershipView> memberships = new ArrayList<>(rows.size());
                    rows.forEach(row -> memberships.add(new ListMembershipView(
                            row.getLong("id").toString(),
                            ListType.valueOf(row.getString("list_type")),
                            row.getString("authority"),
                            row.getString("authority_uscc"),
                            row.getString("reason"),
                            row.getString("legal_basis"),
                            row.getOffsetDateTime("included_at").withOffsetSameInstant(ZoneOffset.ofHours(8)),
                            row.getOffsetDateTime("expires_at") == null ? null
                                    : row.getOffsetDateTime("expires_at").withOffsetSameInstant(ZoneOffset.ofHours(8)))));
                    return memberships;
                });
    }
}
