package cn.opencredit.gateway.record;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Bulk writes of credit records on the reactive PostgreSQL client, inside the caller's transaction:
 * each statement takes the whole batch as arrays ({@code unnest}), so thousands of records cost a
 * handful of round trips.
 */
@ApplicationScoped
class RecordWriteRepository {

    /** Separates penalty types inside one text array element; writers refuse control characters in them. */
    static final char LIST_SEPARATOR = '\u001f';

    /**
     * The report date of each of these records that is stored already (keys of {@link RecordService#key}),
     * locked until the caller's transaction ends so that a concurrent writer cannot change it in between.
     */
    Uni<Map<String, LocalDate>> lockExisting(SqlConnection tx, List<String> departmentUsccs, List<String> sourceRecordIds) {
        return tx.preparedQuery("""
                        SELECT r.source_department_uscc, r.source_record_id, r.reported_on
                        FROM credit_record r
                        JOIN unnest($1::text[], $2::text[]) AS k(department, record) ON r.source_department_uscc = k.department
                                                                                    AND r.source_record_id = k.record
                        ORDER BY r.id
                        FOR UPDATE OF r""")
                .execute(Tuple.of(departmentUsccs.toArray(String[]::new), sourceRecordIds.toArray(String[]::new)))
                .map(result -> {
                    Map<String, LocalDate> stored = new HashMap<>();
                    result.forEach(row -> stored.put(RecordService.key(row.getString(0), row.getString(1)), row.getLocalDate(2)));
                    return stored;
                });
    }

    /** {@link RecordService#ids}. */
    Uni<Map<String, Long>> ids(SqlConnection tx, List<String> departmentUsccs, List<String> sourceRecordIds) {
        return tx.preparedQuery("""
                        SELECT r.source_department_uscc, r.source_record_id, r.id
                        FROM credit_record r
                        JOIN unnest($1::text[], $2::text[]) AS k(department, record) ON r.source_department_uscc = k.department
                                                                                    AND r.source_record_id = k.record""")
                .execute(Tuple.of(departmentUsccs.toArray(String[]::new), sourceRecordIds.toArray(String[]::new)))
                .map(result -> {
                    Map<String, Long> ids = new HashMap<>();
                    result.forEach(row -> ids.put(RecordService.key(row.getString(0), row.getString(1)), row.getLong(2)));
                    return ids;
                });
    }

    /** {@link RecordService#upsertAll}: one statement, changed rows only. */
    Uni<Map<String, Boolean>> upsert(SqlConnection tx, List<RecordUpsert> writes) {
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
                .execute(Tuple.tuple(columns(writes)))
                .map(result -> {
                    Map<String, Boolean> written = new HashMap<>();
                    result.forEach(row -> written.put(RecordService.key(row.getString(0), row.getString(1)), row.getBoolean(2)));
                    return written;
                });
    }

    private static List<Object> columns(List<RecordUpsert> writes) {
        int n = writes.size();
        Long[] subjectIds = new Long[n];
        String[][] text = new String[17][n];
        LocalDate[][] dates = new LocalDate[4][n];
        Buffer[] idHashes = new Buffer[n];
        Integer[] workingDays = new Integer[n];
        Boolean[] late = new Boolean[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            RecordUpsert row = writes.get(i);
            subjectIds[i] = row.subjectId();
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
            text[12][i] = row.revoked() ? RecordStatus.REVOKED.name() : RecordStatus.PUBLISHED.name();
            text[13][i] = row.issuingAuthority();
            text[14][i] = row.issuingAuthorityUscc();
            text[15][i] = row.legalRepresentative();
            text[16][i] = row.penaltyTypes() == null ? null : String.join(String.valueOf(LIST_SEPARATOR), row.penaltyTypes());
            dates[0][i] = row.decisionDate();
            dates[1][i] = row.reportedOn();
            dates[2][i] = row.publishedUntil();
            dates[3][i] = row.dueOn();
            idHashes[i] = row.legalRepresentativeIdHash() == null ? null : Buffer.buffer(row.legalRepresentativeIdHash());
            workingDays[i] = row.workingDaysToReport();
            late[i] = row.late();
            details[i] = row.detailsJson();
        }
        return Arrays.asList(subjectIds, text[0], text[1], text[2], text[3], text[4], text[5], dates[0], dates[1], text[6],
                text[7], text[8], text[9], text[10], text[11], dates[2], text[12], text[13], text[14], text[15], idHashes, text[16], details,
                dates[3], workingDays, late);
    }
}
