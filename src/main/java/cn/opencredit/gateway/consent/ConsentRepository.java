package cn.opencredit.gateway.consent;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import cn.opencredit.gateway.shared.sql.FilteredQuery;

/**
 * Consents: the workflow through Panache, the read check on the reactive pool (one indexed query,
 * no session), so a revocation holds for the very next read on any replica.
 */
@ApplicationScoped
class ConsentRepository implements PanacheRepositoryBase<Consent, Long> {

    private final Pool pool;

    ConsentRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<Consent> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    Uni<Consent> findByKey(UUID grantor, String key) {
        return find("grantorConsumerId = ?1 AND idempotencyKey = ?2", grantor, key).firstResult();
    }

    /** The grantee's consents about one subject, as the read check weighs them. */
    Uni<List<ConsentPolicies.Stored>> grantsOf(long subjectId, UUID grantee) {
        return pool.preparedQuery(grantsSql("$2", "$1")).execute(Tuple.of(grantee, subjectId)).map(ConsentRepository::toStored);
    }

    /** The order of {@link #grantsSql}'s rows by their columns: newest first. */
    static final String GRANTS_ORDER = "id DESC";

    /**
     * The newest 50 consents (a subject gives one grantee more only by mistake or abuse) of the
     * subject whose id is the SQL {@code subjectId} to the grantee {@code grantee} (SQL too), newest
     * first ({@link #GRANTS_ORDER}).
     */
    static String grantsSql(String subjectId, String grantee) {
        return "SELECT id, purpose, categories, created_at, valid_until, revoked_at, version FROM consent WHERE grantee_consumer_id = "
                + grantee + " AND subject_id = " + subjectId + " ORDER BY " + GRANTS_ORDER + " LIMIT 50";
    }

    static List<ConsentPolicies.Stored> toStored(Iterable<Row> rows) {
        List<ConsentPolicies.Stored> stored = new ArrayList<>();
        rows.forEach(row -> {
            EnumSet<ConsentCategory> categories = EnumSet.noneOf(ConsentCategory.class);
            for (String category : row.getArrayOfStrings(2)) {
                categories.add(ConsentCategory.valueOf(category));
            }
            stored.add(new ConsentPolicies.Stored(row.getLong(0), ConsentPurpose.valueOf(row.getString(1)), categories,
                    row.getOffsetDateTime(3), row.getOffsetDateTime(4), row.getOffsetDateTime(5), row.getInteger(6)));
        });
        return stored;
    }

    /** A page of consents, newest first: of a grantor's subject, to a grantee, or any (operators). */
    Uni<List<Consent>> page(Optional<Long> subject, Optional<UUID> grantee, Optional<Long> before, int fetchSize) {
        FilteredQuery query = new FilteredQuery().equal("subjectId", subject).equal("granteeConsumerId", grantee)
                .idBefore(before);
        return find(query.newestFirst(), query.parameters()).page(0, fetchSize).list();
    }

    /** Consents whose period ended and whose expiry is not kept yet, locked for this transaction, skipping those another replica holds. */
    Uni<List<Consent>> expiring(OffsetDateTime now, int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                        SELECT * FROM consent WHERE revoked_at IS NULL AND expired_at IS NULL AND valid_until <= :now
                        ORDER BY valid_until LIMIT :limit FOR UPDATE SKIP LOCKED""", Consent.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList());
    }
}
