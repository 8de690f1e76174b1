package cn.opencredit.gateway.seed;

import java.io.IOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import cn.opencredit.gateway.ingestion.IngestionReportView;
import cn.opencredit.gateway.ingestion.IngestionService;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;

/**
 * Writes generated rows in PostgreSQL's COPY CSV format, one line per row, in the column order of
 * the matching {@code COPY … FROM STDIN} statement below.
 * <p>
 * An unquoted empty field is NULL and a quoted one the empty string, so empty text is always quoted.
 */
final class SeedCsv {

    static final String COPY_SUBJECTS = "COPY subject (id, uscc, name, subject_type, legal_representative, region_code, "
            + "industry_section, registered_on, status, registered_capital, capital_currency, address) "
            + "FROM STDIN (FORMAT csv)";
    static final String COPY_RECORDS = "COPY credit_record (subject_id, category, source_department, "
            + "source_department_uscc, source_record_id, decision_number, title, decision_date, reported_on, content, "
            + "legal_basis, severity, amount, currency, disclosure_level, published_from, published_until, status, details, "
            + "due_on, working_days_to_report, late) "
            + "FROM STDIN (FORMAT csv)";
    static final String COPY_LIST_ENTRIES = "COPY list_entry (subject_id, list_type, authority, authority_uscc, reason, "
            + "legal_basis, legal_representative, included_at, expires_at, removed_at, removal_reason, removal_note) "
            + "FROM STDIN (FORMAT csv)";

    private final Writer out;
    private final WorkdayCalendar calendar;

    SeedCsv(Writer out, WorkdayCalendar calendar) {
        this.out = out;
        this.calendar = calendar;
    }

    void subject(SubjectRow row) throws IOException {
        out.write(Long.toString(row.id()));
        text(row.uscc());
        text(row.name());
        constant(row.type());
        text(row.legalRepresentative());
        text(row.region().code());
        plain(String.valueOf(row.industrySection()));
        plain(row.registeredOn());
        constant(row.status());
        plain(row.registeredCapital() == null ? null : row.registeredCapital().toPlainString());
        plain("CNY");
        text(row.address());
        out.write('\n');
    }

    void record(CreditRecordRow row) throws IOException {
        out.write(Long.toString(row.subjectId()));
        constant(row.category());
        text(row.source().name());
        text(row.source().uscc());
        text(row.sourceRecordId());
        text(row.decisionNumber());
        text(row.title());
        plain(row.decisionDate());
        plain(row.reportedOn());
        text(row.content());
        text(row.legalBasis());
        constant(row.severity());
        plain(row.amount() == null ? null : row.amount().toPlainString());
        plain(row.currency());
        constant(row.disclosureLevel());
        plain(row.publishedFrom());
        plain(row.publishedUntil());
        constant(row.status());
        // Levels are the templates' fixed words (A, AA, 优秀 …): nothing in them needs escaping in JSON.
        text(row.rating() == null ? null : "{\"rating\":\"" + row.rating() + "\"}");
        // The 双公示 timeliness that ingestion would have reckoned, so that its statistics have demo data too.
        IngestionReportView.Timeliness due = IngestionService.timeliness(row.category(), row.decisionDate(), row.reportedOn(), calendar)
                .orElse(null);
        plain(due == null ? null : due.dueOn());
        plain(due == null ? null : due.workingDaysToReport());
        plain(due == null ? null : due.late());
        out.write('\n');
    }

    void listEntry(ListEntryRow row) throws IOException {
        out.write(Long.toString(row.subjectId()));
        constant(row.listType());
        text(row.authority().name());
        text(row.authority().uscc());
        text(row.reason());
        text(row.legalBasis());
        text(row.legalRepresentative());
        timestamp(row.includedAt());
        timestamp(row.expiresAt());
        timestamp(row.removedAt());
        constant(row.removalReason());
        text(row.removalNote());
        out.write('\n');
    }

    /** An enum column holds the constant's name, never the code the API shows ({@code tax-credit-grade}). */
    private void constant(Enum<?> value) throws IOException {
        plain(value == null ? null : value.name());
    }

    /** A value whose text can never need quoting: numbers, dates, enum names. */
    private void plain(Object value) throws IOException {
        out.write(',');
        if (value != null) {
            out.write(value.toString());
        }
    }

    private void timestamp(OffsetDateTime value) throws IOException {
        plain(value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }

    private void text(String value) throws IOException {
        out.write(',');
        if (value == null) {
            return;
        }
        if (!needsQuotes(value)) {
            out.write(value);
            return;
        }
        out.write('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.write('"');
            }
            out.write(c);
        }
        out.write('"');
    }

    // A lone \. would end the data, so a backslash is quoted along with the CSV specials.
    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\\') {
                return true;
            }
        }
        return false;
    }
}
