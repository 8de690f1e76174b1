package cn.opencredit.gateway.commitment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.sql.FilteredQuery;

@ApplicationScoped
class CommitmentRepository implements PanacheRepositoryBase<Commitment, Long> {

    Uni<Commitment> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The department's commitment with its own id, locked until the transaction ends; null when not reported yet. */
    Uni<Commitment> findBySourceForUpdate(String departmentUscc, String sourceCommitmentId) {
        return find("departmentUscc = ?1 AND sourceCommitmentId = ?2", departmentUscc, sourceCommitmentId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * The next open 容缺受理 commitment past its deadline, locked; null when there is none. Rows another
     * transaction holds (another replica breaching them, a department reporting on them) are skipped,
     * and a row breached meanwhile no longer matches once its lock is released: each commitment is
     * breached by one transaction only.
     */
    Uni<Long> claimOverdue(LocalDate today) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        SELECT id FROM commitment WHERE state = 'OPEN' AND type = 'DEFICIENCY_TOLERANCE' AND deadline < :today
                        ORDER BY deadline, id LIMIT 1 FOR UPDATE SKIP LOCKED""", Long.class)
                .setParameter("today", today)
                .getSingleResultOrNull())
                .map(id -> id == null ? null : ((Number) id).longValue());
    }

    /** Queues the subject for evaluation in this transaction (a commitment kept is one of its facts). */
    Uni<Void> enqueueEvaluation(long subjectId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT evaluation_enqueue(ARRAY[:subject]::bigint[])::text")
                .setParameter("subject", subjectId)
                .getSingleResult())
                .replaceWithVoid();
    }

    /** Which commitments a page holds. */
    record Filter(Optional<String> department, Optional<String> subjectUscc, Optional<CommitmentState> state, Optional<CommitmentType> type,
            boolean overdueOnly) {
    }

    /** One page of commitments, newest first, before {@code before}. */
    Uni<List<Commitment>> page(Filter filter, LocalDate today, Optional<Long> before, int fetchSize) {
        FilteredQuery query = new FilteredQuery().equal("departmentUscc", filter.department()).equal("subjectUscc", filter.subjectUscc())
                .equal("state", filter.state()).equal("type", filter.type())
                .when(filter.overdueOnly(), "state = :open AND deadline < :today", Parameters.with("open", CommitmentState.OPEN).and("today", today))
                .idBefore(before);
        return find(query.newestFirst(), query.parameters()).page(0, fetchSize).list();
    }

    /**
     * Claims the caller's Idempotency-Key for this batch: true when this transaction holds it now.
     * A concurrent batch with the key waits here until the first commits (then false) or rolls back.
     */
    Uni<Boolean> claimKey(UUID consumer, String key, byte[] requestSha256, OffsetDateTime expiredBefore) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        DELETE FROM commitment_idempotency WHERE consumer_id = :consumer AND idempotency_key = :key AND created_at < :expired""")
                .setParameter("consumer", consumer).setParameter("key", key).setParameter("expired", expiredBefore)
                .executeUpdate()
                .chain(() -> session.createNativeQuery("""
                                INSERT INTO commitment_idempotency (consumer_id, idempotency_key, request_sha256) VALUES (:consumer, :key, :hash)
                                ON CONFLICT DO NOTHING""")
                        .setParameter("consumer", consumer).setParameter("key", key).setParameter("hash", requestSha256)
                        .executeUpdate()))
                .map(inserted -> inserted == 1);
    }

    /** The stored hash and answer of the batch that holds the key. */
    record StoredAnswer(byte[] requestSha256, String body) {
    }

    Uni<StoredAnswer> storedAnswer(UUID consumer, String key) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        SELECT request_sha256, response_body FROM commitment_idempotency WHERE consumer_id = :consumer AND idempotency_key = :key""",
                        Object[].class)
                .setParameter("consumer", consumer).setParameter("key", key)
                .getSingleResultOrNull())
                .map(row -> row == null ? null : new StoredAnswer((byte[]) row[0], (String) row[1]));
    }

    Uni<Void> storeAnswer(UUID consumer, String key, String body) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        UPDATE commitment_idempotency SET response_body = :body WHERE consumer_id = :consumer AND idempotency_key = :key""")
                .setParameter("body", body).setParameter("consumer", consumer).setParameter("key", key)
                .executeUpdate())
                .replaceWithVoid();
    }

    Uni<Integer> purgeAnswers(OffsetDateTime expiredBefore) {
        return Panache.getSession().chain(session -> session.createNativeQuery("DELETE FROM commitment_idempotency WHERE created_at < :expired")
                .setParameter("expired", expiredBefore)
                .executeUpdate());
    }

    /** Counts of commitments made in a range, by one dimension. */
    record Counts(String key, String name, long reported, long open, long overdue, long fulfilled, long breached, long breachedAtDeadline,
            long cancelled) {
    }

    /** What the statistics count: commitments made from/to, of one department and type, if given. */
    record StatsFilter(Optional<String> department, Optional<CommitmentType> type, Optional<LocalDate> from, Optional<LocalDate> to) {
    }

    /**
     * The counts by {@code dimension}: {@code type}, {@code department_uscc}, or {@code month}
     * (YYYY-MM of the day the commitment was made).
     */
    Uni<List<Counts>> counts(StatsFilter filter, String dimension, LocalDate today) {
        StringBuilder where = new StringBuilder("WHERE true");
        filter.department().ifPresent(d -> where.append(" AND department_uscc = :department"));
        filter.type().ifPresent(t -> where.append(" AND type = :type"));
        filter.from().ifPresent(f -> where.append(" AND made_on >= :from"));
        filter.to().ifPresent(t -> where.append(" AND made_on <= :to"));
        String sql = """
                SELECT key, max(department_name), count(*), count(*) FILTER (WHERE state = 'OPEN'),
                       count(*) FILTER (WHERE state = 'OPEN' AND deadline < :today), count(*) FILTER (WHERE state = 'FULFILLED'),
                       count(*) FILTER (WHERE state = 'BREACHED'), count(*) FILTER (WHERE state = 'BREACHED' AND decided_by_type = 'SYSTEM'),
                       count(*) FILTER (WHERE state = 'CANCELLED')
                FROM (SELECT %s AS key, * FROM commitment %s) AS counted GROUP BY key ORDER BY key"""
                .formatted(switch (dimension) {
                    case "type" -> "type";
                    case "department_uscc" -> "department_uscc";
                    default -> "to_char(made_on, 'YYYY-MM')";
                }, where);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class).setParameter("today", today);
            filter.department().ifPresent(d -> query.setParameter("department", d));
            filter.type().ifPresent(t -> query.setParameter("type", t.name()));
            filter.from().ifPresent(f -> query.setParameter("from", f));
            filter.to().ifPresent(t -> query.setParameter("to", t));
            return query.getResultList();
        }).map(rows -> rows.stream().map(row -> new Counts((String) row[0], (String) row[1], count(row[2]), count(row[3]), count(row[4]),
                count(row[5]), count(row[6]), count(row[7]), count(row[8]))).toList());
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
