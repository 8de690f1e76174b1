package cn.opencredit.gateway.record;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The record capability's writes for the subject workflows, in the workflow's Hibernate Reactive
 * transaction, so that a decision and what it does to the record commit together. Every change goes
 * through the table's triggers as any write does: the hash-chained history, the change feed and the
 * evaluation's queue see it in the same transaction. Callers invalidate the subject's cached answers
 * once the transaction has committed.
 */
@ApplicationScoped
public class RecordChanges {

    /** The record, locked until the caller's transaction ends; empty when there is none. */
    public Uni<Optional<WorkflowRecord>> lock(long id) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        SELECT r.id, r.subject_id, s.uscc, r.category, r.severity, r.status, r.decision_date, r.published_until,
                               r.source_department, r.source_department_uscc, r.disclosure_level, r.title, r.decision_number, r.content, r.version
                        FROM credit_record r JOIN subject s ON s.id = r.subject_id WHERE r.id = :id FOR NO KEY UPDATE OF r""", Object[].class)
                .setParameter("id", id)
                .getSingleResultOrNull())
                .map(row -> Optional.ofNullable(row).map(RecordChanges::workflowRecord));
    }

    /** Moves the record to {@code status} as a new version. */
    public Uni<Void> setStatus(long id, RecordStatus status) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        UPDATE credit_record SET status = :status, version = version + 1, updated_at = now() WHERE id = :id""")
                .setParameter("status", status.name())
                .setParameter("id", id)
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Corrects the record as a new version: the given fields replace the stored ones, the status
     * becomes corrected, and a new severity moves the publication end within its legal period.
     */
    public Uni<Void> correct(WorkflowRecord record, RecordCorrection correction) {
        Severity severity = correction.severity() != null ? correction.severity() : record.severity();
        LocalDate until = record.failing() ? PublicationPeriods.window(severity, record.decisionDate(),
                correction.severity() == null ? record.publishedUntil() : null).until() : record.publishedUntil();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        UPDATE credit_record SET title = coalesce(:title, title), decision_number = coalesce(:number, decision_number),
                               content = coalesce(:content, content), severity = :severity, published_until = :until,
                               status = 'CORRECTED', version = version + 1, updated_at = now()
                        WHERE id = :id""")
                .setParameter("title", correction.title())
                .setParameter("number", correction.decisionNumber())
                .setParameter("content", correction.content())
                .setParameter("severity", severity == null ? null : severity.name())
                .setParameter("until", until)
                .setParameter("id", record.id())
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * A record a workflow creates (a breach of a commitment, a voluntary registration verified), with
     * its publication end within the legal period; the answer is its id. The source and its record id
     * identify it: writing the same again answers the stored record's id and changes nothing.
     */
    public Uni<Long> create(RecordUpsert row) {
        LocalDate until = row.severity() == null ? row.publishedUntil()
                : PublicationPeriods.window(row.severity(), row.decisionDate(), row.publishedUntil()).until();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        WITH inserted AS (
                            INSERT INTO credit_record (subject_id, category, source_department, source_department_uscc, source_record_id,
                                decision_number, title, decision_date, reported_on, content, legal_basis, severity, disclosure_level,
                                published_from, published_until, status, details)
                            VALUES (:subject, :category, :department, :departmentUscc, :sourceRecordId, :number, :title, :decided, :reported,
                                    :content, :basis, :severity, :level, :decided, :until, 'PUBLISHED', cast(:details AS jsonb))
                            ON CONFLICT (source_department_uscc, source_record_id) DO NOTHING
                            RETURNING id)
                        SELECT id FROM inserted
                        UNION ALL
                        SELECT id FROM credit_record WHERE source_department_uscc = :departmentUscc AND source_record_id = :sourceRecordId
                        LIMIT 1""", Long.class)
                .setParameter("subject", row.subjectId())
                .setParameter("category", row.category().name())
                .setParameter("department", row.sourceDepartment())
                .setParameter("departmentUscc", row.sourceDepartmentUscc())
                .setParameter("sourceRecordId", row.sourceRecordId())
                .setParameter("number", row.decisionNumber())
                .setParameter("title", row.title())
                .setParameter("decided", row.decisionDate())
                .setParameter("reported", row.reportedOn())
                .setParameter("content", row.content())
                .setParameter("basis", row.legalBasis())
                .setParameter("severity", row.severity() == null ? null : row.severity().name())
                .setParameter("level", row.disclosureLevel().name())
                .setParameter("until", until)
                .setParameter("details", row.detailsJson())
                .getSingleResult())
                .map(id -> ((Number) id).longValue());
    }

    /** A record whose publication ended, with its subject. */
    public record EndedPublication(long recordId, long subjectId, String subjectUscc) {
    }

    /**
     * Ends the publication of at most {@code batch} published or corrected records whose longest
     * period ended before {@code today}: each becomes expired as a new version. The update is
     * conditional and skips rows another transaction holds, so replicas running it at once end each
     * record once. A disputed record is left until its objection is decided (an upheld objection
     * puts it back as it was, and a later run ends it then).
     */
    public Uni<List<EndedPublication>> endExpiredPublications(LocalDate today, int batch) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        WITH due AS (
                            SELECT id FROM credit_record
                            WHERE status IN ('PUBLISHED', 'CORRECTED') AND published_until IS NOT NULL AND published_until < :today
                            ORDER BY published_until, id LIMIT :batch FOR NO KEY UPDATE SKIP LOCKED),
                        ended AS (
                            UPDATE credit_record r SET status = 'EXPIRED', version = r.version + 1, updated_at = now()
                            FROM due WHERE r.id = due.id AND r.status IN ('PUBLISHED', 'CORRECTED') AND r.published_until < :today
                            RETURNING r.id, r.subject_id)
                        SELECT ended.id, ended.subject_id, s.uscc FROM ended JOIN subject s ON s.id = ended.subject_id ORDER BY ended.id""",
                        Object[].class)
                .setParameter("today", today)
                .setParameter("batch", batch)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new EndedPublication(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                        (String) row[2])).toList());
    }

    private static WorkflowRecord workflowRecord(Object[] row) {
        return new WorkflowRecord(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (String) row[2],
                RecordCategory.valueOf((String) row[3]), row[4] == null ? null : Severity.valueOf((String) row[4]),
                RecordStatus.valueOf((String) row[5]), toDate(row[6]), toDate(row[7]), (String) row[8], (String) row[9],
                DisclosureLevel.valueOf((String) row[10]), (String) row[11], (String) row[12], (String) row[13], ((Number) row[14]).intValue());
    }

    private static LocalDate toDate(Object value) {
        return value == null ? null : value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
