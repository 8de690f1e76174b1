package cn.opencredit.gateway.ingestion;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.subject.SubjectNames;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;

/** The rules of department ingestion: pure functions of a row, the caller, the calendar and what is stored. */
final class IngestionPolicies {

    /** 双公示 records are due within this many working days of the decision. */
    static final int DISCLOSURE_DEADLINE_WORKING_DAYS = 7;
    static final Set<RecordCategory> DISCLOSURE_CATEGORIES = EnumSet.of(RecordCategory.LICENCE, RecordCategory.PENALTY);

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x20-\\x7E]{1,200}");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern BASIC_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern TIME_SUFFIX = Pattern.compile("[T\\s]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$");

    private IngestionPolicies() {
    }

    /** Who writes what; a record's data source is the department answerable for it. */
    record Sender(String type, String boundUscc) {
    }

    /** Whether the caller may ingest at all. */
    static Verdict senderPolicy(Sender sender) {
        if (ApiClient.OPERATOR_TYPE.equals(sender.type())) {
            return Verdict.ALLOWED;
        }
        if (!ApiClient.DEPARTMENT_TYPE.equals(sender.type())) {
            return Verdict.rejected(IngestionRejection.NOT_A_DEPARTMENT, "Only department consumers and operators ingest credit records");
        }
        if (sender.boundUscc() == null) {
            return Verdict.rejected(IngestionRejection.NOT_BOUND, "This department consumer is not bound to its department's USCC; an "
                    + "operator must register it with boundUscc before it can ingest");
        }
        return Verdict.ALLOWED;
    }

    /** A department sends only records it is the data source of; operators send anyone's. */
    static Verdict ownRecordPolicy(Sender sender, String sourceDepartmentUscc, String label) {
        if (ApiClient.DEPARTMENT_TYPE.equals(sender.type()) && !sourceDepartmentUscc.equals(sender.boundUscc())) {
            return Verdict.rejected(IngestionRejection.NOT_YOUR_DEPARTMENT, label, "this consumer may only send records whose data source is "
                    + sender.boundUscc(), sender.boundUscc());
        }
        return Verdict.ALLOWED;
    }

    /** 1 to 200 printable ASCII characters, as clients generate them (UUIDs, hashes, batch names). */
    static Verdict idempotencyKeyPolicy(String header, String key) {
        return IDEMPOTENCY_KEY.matcher(key).matches() && !key.isBlank() ? Verdict.ALLOWED
                : Verdict.rejected(IngestionRejection.IDEMPOTENCY_KEY_FORMAT, header, header + " must be 1 to 200 printable ASCII characters");
    }

    /** What validation made of a row: the accepted form, or the reasons it was refused; flags either way. */
    record Checked(AcceptedRow accepted, List<FieldError> errors, List<IngestionReportView.Flag> flags) {
    }


    /** A batch names each record once: a later row with the same data source and id is refused, the first one stands. */
    static List<Checked> uniqueRecordPolicy(List<IncomingRow> rows, List<Checked> checks) {
        Map<String, Integer> first = new HashMap<>();
        List<Checked> result = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            Checked check = checks.get(i);
            AcceptedRow accepted = check.accepted();
            Integer earlier = accepted == null ? null
                    : first.putIfAbsent(accepted.sourceDepartmentUscc() + '\u001f' + accepted.sourceRecordId(), accepted.number());
            result.add(earlier == null ? check : new Checked(null, List.of(new FieldError(rows.get(i).label("sourceRecordId"),
                    "duplicate-in-batch", "row " + earlier + " of this batch has the same record already")), check.flags()));
        }
        return result;
    }

    /**
     * A record keeps the report date it first arrived with unless the row names another, and its
     * decision must not come after it.
     */
    static Verdict firstReportPolicy(LocalDate decisionDate, LocalDate reportedOn, String label) {
        if (decisionDate.isAfter(reportedOn)) {
            return Verdict.rejected(IngestionRejection.AFTER_REPORT_DATE, label, "the decision date is after " + reportedOn
                    + ", the date the record was first reported");
        }
        return Verdict.ALLOWED;
    }

    /**
     * 双公示 timeliness: due on the seventh working day after the decision (the decision day itself
     * is not counted); the working days up to the report date; late when reported after the due date.
     */
    static Optional<IngestionReportView.Timeliness> timelinessPolicy(RecordCategory category, LocalDate decisionDate,
            LocalDate reportedOn, WorkdayCalendar calendar) {
        if (!DISCLOSURE_CATEGORIES.contains(category)) {
            return Optional.empty();
        }
        LocalDate due = calendar.workingDayAfter(decisionDate, DISCLOSURE_DEADLINE_WORKING_DAYS);
        int workingDays = calendar.workingDaysBetween(decisionDate, reportedOn);
        LocalDate last = due.isAfter(reportedOn) ? due : reportedOn;
        return Optional.of(new IngestionReportView.Timeliness(due, workingDays, reportedOn.isAfter(due),
                calendar.covers(decisionDate.plusDays(1), last)));
    }

    /** A 重错码 suspicion on one stored row. */
    record NameFlag(IngestionFlagKind kind, AcceptedRow row, String registeredName, List<String> otherUsccs) {

        IngestionReportView.Flag toFlag() {
            return switch (kind) {
                case NAME_MISMATCH -> new IngestionReportView.Flag(kind.code(), "USCC " + row.subject().uscc()
                        + " is registered as " + registeredName + ", not " + row.subject().name() + "; stored and flagged for review");
                case NAME_UNDER_SEVERAL_CODES -> new IngestionReportView.Flag(kind.code(), row.subject().name()
                        + " is also known under " + String.join(", ", otherUsccs) + "; stored and flagged for review");
            };
        }
    }

    /**
     * 重错码: a valid USCC whose registered name (or the name an earlier row of the batch gave it)
     * differs from the row's, or a name known under other USCCs (registered, or in the batch).
     * Names are compared NFKC-folded and without white space.
     *
     * @param registeredNames        registered name per USCC of the batch
     * @param registeredUsccsByName  registered USCCs per {@link SubjectNames#key} of the batch's names
     */
    static List<NameFlag> duplicateCodePolicy(List<AcceptedRow> rows, Map<String, String> registeredNames,
            Map<String, Set<String>> registeredUsccsByName) {
        Map<String, String> namesByUscc = new LinkedHashMap<>(registeredNames);
        Map<String, Set<String>> usccsByName = new TreeMap<>();
        registeredUsccsByName.forEach((key, usccs) -> usccsByName.computeIfAbsent(key, k -> new TreeSet<>()).addAll(usccs));
        for (AcceptedRow row : rows) {
            if (row.subject().uscc() != null) {
                usccsByName.computeIfAbsent(SubjectNames.key(row.subject().name()), k -> new TreeSet<>()).add(row.subject().uscc());
            }
        }
        List<NameFlag> flags = new ArrayList<>();
        for (AcceptedRow row : rows) {
            String uscc = row.subject().uscc();
            if (uscc == null) {
                continue;
            }
            String known = namesByUscc.putIfAbsent(uscc, row.subject().name());
            if (known != null && !SubjectNames.key(known).equals(SubjectNames.key(row.subject().name()))) {
                flags.add(new NameFlag(IngestionFlagKind.NAME_MISMATCH, row, known, List.of()));
            }
            List<String> others = usccsByName.getOrDefault(SubjectNames.key(row.subject().name()), Set.of()).stream()
                    .filter(other -> !other.equals(uscc)).toList();
            if (!others.isEmpty()) {
                flags.add(new NameFlag(IngestionFlagKind.NAME_UNDER_SEVERAL_CODES, row, null, others));
            }
        }
        return flags;
    }


    /** ISO dates and what spreadsheets hold: 2026/9/30, 2026.9.30, 2026年9月30日, 20260930, with or without a time. */
    static Optional<LocalDate> parseDate(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = TIME_SUFFIX.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC).strip()).replaceFirst("").strip();
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            m = BASIC_DATE.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
