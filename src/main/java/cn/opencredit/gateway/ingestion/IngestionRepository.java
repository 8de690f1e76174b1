package cn.opencredit.gateway.ingestion;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Batch writes on the reactive PostgreSQL client: each statement takes the whole batch as arrays
 * ({@code unnest}), so a batch of 5 000 rows costs a handful of round trips, all in one transaction.
 */
@ApplicationScoped
class IngestionRepository {

    /** Separates penalty types inside one text array element; validation refuses control characters in them. */
    static final char LIST_SEPARATOR = '\u001f';

    private static final String NAME_KEY = "regexp_replace(name_folded, '[[:space:]]+', '', 'g')";

    private final Pool pool;

    IngestionRepository(Pool pool) {
        this.pool = pool;
    }

    /** One record's write: the validated row with what the transaction worked out for it. */
    record RecordWrite(long subjectId, AcceptedRow row, LocalDate reportedOn, IngestionReportView.Timeliness timeliness, String detailsJson) {
    }

    /** A stored first answer to a batch sent with an Idempotency-Key. */
    record StoredAnswer(byte[] requestHash, int status, String body) {
    }

    /** Counts of a finished batch. */
    record BatchSummary(UUID id, UUID consumerId, String format, String template, String encoding, int received, int created, int updated,
            int unchanged, int refused) {
    }

    <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /**
     * Takes the key for this attempt: true when it was free (or its answer had expired). A
     * concurrent attempt holding it makes this wait until that one commits or rolls back.
     */
    Uni<Boolean> claimKey(SqlConnection tx, UUID consumerId, String key, byte[] requestHash, UUID batchId, OffsetDateTime now,
            OffsetDateTime expiresAt) {
        return tx.preparedQuery("""
                        INSERT INTO ingestion_idempotency (consumer_id, idempotency_key, request_hash, batch_id, response_status,
                                                           response_body, created_at, expires_at)
                        VALUES ($1, $2, $3, $4, 0, '', $5, $6)
                        ON CONFLICT (consumer_id, idempotency_key) DO UPDATE
                            SET request_hash = EXCLUDED.request_hash, batch_id = EXCLUDED.batch_id, response_status = 0,
                                response_body = '', created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
                            WHERE ingestion_idempotency.expires_at <= EXCLUDED.created_at
                        RETURNING 1""")
                .execute(Tuple.of(consumerId, key, Buffer.buffer(requestHash), batchId, now, expiresAt))
                .map(rows -> rows.size() == 1);
    }

    Uni<Void> storeAnswer(SqlConnection tx, UUID consumerId, String key, int status, String body) {
        return tx.preparedQuery("UPDATE ingestion_idempotency SET response_status = $3, response_body = $4 "
                        + "WHERE consumer_id = $1 AND idempotency_key = $2")
                .execute(Tuple.of(consumerId, key, status, body)).replaceWithVoid();
    }

    Uni<StoredAnswer> findAnswer(UUID consumerId, String key, OffsetDateTime now) {
        return pool.preparedQuery("SELECT request_hash, response_status, response_body FROM ingestion_idempotency "
                        + "WHERE consumer_id = $1 AND idempotency_key = $2 AND expires_at > $3")
                .execute(Tuple.of(consumerId, key, now))
                .map(rows -> rows.size() == 0 ? null : answer(rows.iterator().next()));
    }

    Uni<Long> purgeExpiredAnswers(OffsetDateTime now) {
        return pool.preparedQuery("DELETE FROM ingestion_idempotency WHERE expires_at <= $1").execute(Tuple.of(now))
                .map(rows -> (long) rows.rowCount());
    }

    /**
     * The report date of each record of the batch that is stored already, locked until the batch
     * commits so that a concurrent batch cannot change it in between. Keyed by {@link #recordKey}.
     */
    Uni<Map<String, LocalDate>> lockStoredRecords(SqlConnection tx, List<AcceptedRow> rows) {
        return tx.preparedQuery("""
                        SELECT r.source_department_uscc, r.source_record_id, r.reported_on
                        FROM credit_record r
                        JOIN unnest($1::text[], $2::text[]) AS k(department, record) ON r.source_department_uscc = k.department
                                                                                    AND r.source_record_id = k.record
                        ORDER BY r.id
                        FOR UPDATE OF r""")
                .execute(Tuple.of(rows.stream().map(AcceptedRow::sourceDepartmentUscc).toArray(String[]::new),
                        rows.stream().map(AcceptedRow::sourceRecordId).toArray(String[]::new)))
                .map(result -> {
                    Map<String, LocalDate> stored = new HashMap<>();
                    result.forEach(row -> stored.put(recordKey(row.getString(0), row.getString(1)), row.getLocalDate(2)));
                    return stored;
                });
    }

    Uni<Map<String, String>> registeredNames(SqlConnection tx, Set<String> usccs) {
        return tx.preparedQuery("SELECT uscc, name FROM subject WHERE uscc = ANY($1)")
                .execute(Tuple.of(usccs.toArray(String[]::new)))
                .map(result -> {
                    Map<String, String> names = new HashMap<>();
                    result.forEach(row -> names.put(row.getString(0), row.getString(1)));
                    return names;
                });
    }

    /** Registered USCCs by name key ({@link IngestionPolicies#nameKey} as SQL, served by the subject_name_key index). */
    Uni<Map<String, Set<String>>> usccsByNameKey(SqlConnection tx, Set<String> nameKeys) {
        return tx.preparedQuery("SELECT " + NAME_KEY + ", uscc FROM subject WHERE uscc IS NOT NULL AND " + NAME_KEY + " = ANY($1)")
                .execute(Tuple.of(nameKeys.toArray(String[]::new)))
                .map(result -> {
                    Map<String, Set<String>> usccs = new HashMap<>();
                    result.forEach(row -> usccs.computeIfAbsent(row.getString(0), k -> new TreeSet<>()).add(row.getString(1)));
                    return usccs;
                });
    }

    /** Subjects the platform does not know yet; one that another batch created meanwhile is left as it is. */
    Uni<Void> insertSubjects(SqlConnection tx, List<AcceptedRow.Party> parties) {
        if (parties.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                        INSERT INTO subject (uscc, identity_hash, name, subject_type, legal_representative, region_code)
                        SELECT * FROM unnest($1::text[], $2::bytea[], $3::text[], $4::text[], $5::text[], $6::text[])
                        ON CONFLICT DO NOTHING""")
                .execute(Tuple.tuple(List.of(
                        parties.stream().map(AcceptedRow.Party::uscc).toArray(String[]::new),
                        parties.stream().map(p -> p.identityHash() == null ? null : Buffer.buffer(p.identityHash())).toArray(Buffer[]::new),
                        parties.stream().map(AcceptedRow.Party::name).toArray(String[]::new),
                        parties.stream().map(p -> p.type().name()).toArray(String[]::new),
                        parties.stream().map(AcceptedRow.Party::legalRepresentative).toArray(String[]::new),
                        parties.stream().map(AcceptedRow.Party::regionCode).toArray(String[]::new))))
                .replaceWithVoid();
    }

    /** Subject ids keyed by {@link #subjectKey}. */
    Uni<Map<String, Long>> subjectIds(SqlConnection tx, Set<String> usccs, List<byte[]> identityHashes) {
        return tx.preparedQuery("SELECT id, uscc, identity_hash FROM subject WHERE uscc = ANY($1) OR identity_hash = ANY($2)")
                .execute(Tuple.of(usccs.toArray(String[]::new), identityHashes.stream().map(Buffer::buffer).toArray(Buffer[]::new)))
                .map(result -> {
                    Map<String, Long> ids = new HashMap<>();
                    result.forEach(row -> {
                        var hash = row.getBuffer("identity_hash");
                        ids.put(subjectKey(row.getString("uscc"), hash == null ? null : hash.getBytes()), row.getLong("id"));
                    });
                    return ids;
                });
    }

    /**
     * Inserts new records and updates those whose content changed (version + 1); identical ones are
     * not touched. A department's revocation wins; otherwise the status the platform gave a record
     * (disputed, repaired, corrected) stays. Answers {@link #recordKey} → true when created, false
     * when updated; unchanged records are absent.
     */
    Uni<Map<String, Boolean>> upsertRecords(SqlConnection tx, List<RecordWrite> writes) {
        if (writes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return tx.preparedQuery("""
                        INSERT INTO credit_record AS r (subject_id, category, source_department, source_department_uscc, source_record_id,
                            decision_number, title, decision_date, reported_on, content, legal_basis, severity, amount, currency,
                            disclosure_level, published_from, published_until, status, issuing_authority, issuing_authority_uscc,
                            legal_representative, legal_representative_id_hash, penalty_types, details, due_on, working_days_to_report, late)
                        SELECT t.subject_id, t.category, t.source_department, t.source_department_uscc, t.source_record_id,
                            t.decision_number, t.title, t.decision_date, t.reported_on, t.content, t.legal_basis, t.severity,
                            t.amount::numeric, t.currency, t.disclosure_level, t.decision_date, t.published_until, t.status,
                            t.issuing_authority, t.issuing_authority_uscc, t.legal_representative, t.legal_representative_id_hash,
                            string_to_array(t.penalty_types, chr(31)), t.details::jsonb, t.due_on, t.working_days, t.late
                        FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[],
                                    $9::date[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::date[],
                                    $17::text[], $18::text[], $19::text[], $20::text[], $21::bytea[], $22::text[], $23::text[],
                                    $24::date[], $25::int[], $26::bool[])
                             AS t(subject_id, category, source_department, source_department_uscc, source_record_id, decision_number,
                                  title, decision_date, reported_on, content, legal_basis, severity, amount, currency, disclosure_level,
                                  published_until, status, issuing_authority, issuing_authority_uscc, legal_representative,
                                  legal_representative_id_hash, penalty_types, details, due_on, working_days, late)
                        ON CONFLICT (source_department_uscc, source_record_id) DO UPDATE SET
                            subject_id = EXCLUDED.subject_id, category = EXCLUDED.category, source_department = EXCLUDED.source_department,
                            decision_number = EXCLUDED.decision_number, title = EXCLUDED.title, decision_date = EXCLUDED.decision_date,
                            reported_on = EXCLUDED.reported_on, content = EXCLUDED.content, legal_basis = EXCLUDED.legal_basis,
                            severity = EXCLUDED.severity, amount = EXCLUDED.amount, currency = EXCLUDED.currency,
                            disclosure_level = EXCLUDED.disclosure_level, published_from = EXCLUDED.published_from,
                            published_until = EXCLUDED.published_until,
                            status = CASE WHEN EXCLUDED.status = 'REVOKED' THEN 'REVOKED'
                                          WHEN r.status = 'REVOKED' THEN 'PUBLISHED' ELSE r.status END,
                            issuing_authority = EXCLUDED.issuing_authority, issuing_authority_uscc = EXCLUDED.issuing_authority_uscc,
                            legal_representative = EXCLUDED.legal_representative,
                            legal_representative_id_hash = EXCLUDED.legal_representative_id_hash, penalty_types = EXCLUDED.penalty_types,
                            details = EXCLUDED.details, due_on = EXCLUDED.due_on, working_days_to_report = EXCLUDED.working_days_to_report,
                            late = EXCLUDED.late, version = r.version + 1, updated_at = now()
                        WHERE (r.subject_id, r.category, r.source_department, r.decision_number, r.title, r.decision_date, r.reported_on,
                               r.content, r.legal_basis, r.severity, r.amount, r.currency, r.disclosure_level, r.published_until,
                               r.issuing_authority, r.issuing_authority_uscc, r.legal_representative, r.legal_representative_id_hash,
                               r.penalty_types, r.details, r.due_on, r.working_days_to_report, r.late)
                              IS DISTINCT FROM
                              (EXCLUDED.subject_id, EXCLUDED.category, EXCLUDED.source_department, EXCLUDED.decision_number, EXCLUDED.title,
                               EXCLUDED.decision_date, EXCLUDED.reported_on, EXCLUDED.content, EXCLUDED.legal_basis, EXCLUDED.severity,
                               EXCLUDED.amount, EXCLUDED.currency, EXCLUDED.disclosure_level, EXCLUDED.published_until,
                               EXCLUDED.issuing_authority, EXCLUDED.issuing_authority_uscc, EXCLUDED.legal_representative,
                               EXCLUDED.legal_representative_id_hash, EXCLUDED.penalty_types, EXCLUDED.details, EXCLUDED.due_on,
                               EXCLUDED.working_days_to_report, EXCLUDED.late)
                           OR (EXCLUDED.status = 'REVOKED') <> (r.status = 'REVOKED')
                        RETURNING r.source_department_uscc, r.source_record_id, (r.xmax = 0) AS inserted""")
                .execute(Tuple.tuple(recordColumns(writes)))
                .map(result -> {
                    Map<String, Boolean> written = new HashMap<>();
                    result.forEach(row -> written.put(recordKey(row.getString(0), row.getString(1)), row.getBoolean(2)));
                    return written;
                });
    }

    Uni<Void> insertBatch(SqlConnection tx, BatchSummary batch) {
        return tx.preparedQuery("""
                        INSERT INTO ingestion_batch (id, consumer_id, format, template, encoding, received, created, updated, unchanged, refused)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
                .execute(Tuple.tuple(Arrays.asList(batch.id(), batch.consumerId(), batch.format(), batch.template(),
                        batch.encoding(), batch.received(), batch.created(), batch.updated(), batch.unchanged(), batch.refused())))
                .replaceWithVoid();
    }

    /** Flags of the batch's stored rows; a record that already has an open flag of the kind gets no second one. */
    Uni<Void> insertFlags(SqlConnection tx, UUID batchId, List<IngestionPolicies.NameFlag> flags) {
        if (flags.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                        INSERT INTO ingestion_flag (kind, batch_id, row_number, source_department_uscc, source_record_id, record_id,
                                                    subject_uscc, reported_name, registered_name, other_usccs)
                        SELECT f.kind, $1, f.row_number, f.department, f.record, r.id, f.uscc, f.reported, f.registered,
                               string_to_array(f.others, chr(31))
                        FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
                             AS f(kind, row_number, department, record, uscc, reported, registered, others)
                        JOIN credit_record r ON r.source_department_uscc = f.department AND r.source_record_id = f.record
                        ON CONFLICT (kind, source_department_uscc, source_record_id) WHERE resolved_at IS NULL DO NOTHING""")
                .execute(Tuple.tuple(List.of(batchId,
                        flags.stream().map(f -> f.kind().name()).toArray(String[]::new),
                        flags.stream().map(f -> f.row().number()).toArray(Integer[]::new),
                        flags.stream().map(f -> f.row().sourceDepartmentUscc()).toArray(String[]::new),
                        flags.stream().map(f -> f.row().sourceRecordId()).toArray(String[]::new),
                        flags.stream().map(f -> f.row().subject().uscc()).toArray(String[]::new),
                        flags.stream().map(f -> f.row().subject().name()).toArray(String[]::new),
                        flags.stream().map(IngestionPolicies.NameFlag::registeredName).toArray(String[]::new),
                        flags.stream().map(f -> f.otherUsccs().isEmpty() ? null : String.join(String.valueOf(LIST_SEPARATOR), f.otherUsccs()))
                                .toArray(String[]::new))))
                .replaceWithVoid();
    }

    /** The key of a record: its data source and the source's own id. */
    static String recordKey(String departmentUscc, String sourceRecordId) {
        return departmentUscc + LIST_SEPARATOR + sourceRecordId;
    }

    /** The key of a subject: its USCC, or for a natural person the hash of its identity number. */
    static String subjectKey(String uscc, byte[] identityHash) {
        return uscc != null ? uscc : "#" + HexFormat.of().formatHex(identityHash);
    }

    private static List<Object> recordColumns(List<RecordWrite> writes) {
        int n = writes.size();
        Long[] subjectIds = new Long[n];
        String[][] text = new String[17][n];
        LocalDate[][] dates = new LocalDate[4][n];
        Buffer[] idHashes = new Buffer[n];
        Integer[] workingDays = new Integer[n];
        Boolean[] late = new Boolean[n];
        for (int i = 0; i < n; i++) {
            RecordWrite write = writes.get(i);
            AcceptedRow row = write.row();
            subjectIds[i] = write.subjectId();
            text[0][i] = row.category().name();
            text[1][i] = row.sourceDepartment();
            text[2][i] = row.sourceDepartmentUscc();
            text[3][i] = row.sourceRecordId();
            text[4][i] = row.decisionNumber();
            text[5][i] = row.title();
            text[6][i] = row.content();
            text[7][i] = row.legalBasis();
            text[8][i] = row.severity() == null ? null : row.severity().name();
            text[9][i] = row.amount() == null ? null : row.amount().toPlainString();
            text[10][i] = row.currency();
            text[11][i] = row.disclosureLevel().name();
            text[12][i] = row.revoked() ? "REVOKED" : "PUBLISHED";
            text[13][i] = row.issuingAuthority();
            text[14][i] = row.issuingAuthorityUscc();
            text[15][i] = row.legalRepresentative();
            text[16][i] = row.penaltyTypes() == null ? null : String.join(String.valueOf(LIST_SEPARATOR), row.penaltyTypes());
            dates[0][i] = row.decisionDate();
            dates[1][i] = write.reportedOn();
            dates[2][i] = row.publishedUntil();
            dates[3][i] = write.timeliness() == null ? null : write.timeliness().dueOn();
            idHashes[i] = row.legalRepresentativeIdHash() == null ? null : Buffer.buffer(row.legalRepresentativeIdHash());
            workingDays[i] = write.timeliness() == null ? null : write.timeliness().workingDaysToReport();
            late[i] = write.timeliness() == null ? null : write.timeliness().late();
        }
        String[] details = writes.stream().map(RecordWrite::detailsJson).toArray(String[]::new);
        return Arrays.asList(subjectIds, text[0], text[1], text[2], text[3], text[4], text[5], dates[0], dates[1], text[6],
                text[7], text[8], text[9], text[10], text[11], dates[2], text[12], text[13], text[14], text[15], idHashes, text[16], details,
                dates[3], workingDays, late);
    }

    private static StoredAnswer answer(Row row) {
        return new StoredAnswer(row.getBuffer(0).getBytes(), row.getInteger(1), row.getString(2));
    }
}
