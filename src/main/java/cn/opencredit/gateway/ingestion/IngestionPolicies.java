package cn.opencredit.gateway.ingestion;

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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.PublicationPeriods;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.subject.SubjectNames;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;
import cn.opencredit.gateway.shared.web.TextInput;

/** The rules of department ingestion: pure functions of a row, the caller, the calendar and what is stored. */
final class IngestionPolicies {

    /** No decision of the People's Republic predates it; an earlier date is a typing error. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1949, 10, 1);

    /** 双公示 records are due within this many working days of the decision. */
    static final int DISCLOSURE_DEADLINE_WORKING_DAYS = 7;
    static final Set<RecordCategory> DISCLOSURE_CATEGORIES = EnumSet.of(RecordCategory.LICENCE, RecordCategory.PENALTY);

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
     * A record is decided on or before the day it is reported: the report date its row names, else
     * the one it first arrived with, else today.
     */
    static Verdict decidedBeforeReportPolicy(LocalDate decisionDate, LocalDate reportedOn, String label) {
        if (decisionDate.isAfter(reportedOn)) {
            return Verdict.rejected(IngestionRejection.AFTER_REPORT_DATE, label, "the decision date " + decisionDate
                    + " is after the report date " + reportedOn);
        }
        return Verdict.ALLOWED;
    }

    /** Decisions and reports are things that happened: neither date lies after today (Beijing time). */
    static Verdict notInTheFuturePolicy(LocalDate date, LocalDate today, String label) {
        if (date != null && date.isAfter(today)) {
            return Verdict.rejected(IngestionRejection.IN_THE_FUTURE, label, "the date " + date + " is in the future");
        }
        return Verdict.ALLOWED;
    }

    /**
     * Voluntary records are what subjects register themselves: the registration workflow publishes
     * them, with the subject as their source, once the responsible department verified them.
     * Departments do not report them.
     */
    static Verdict reportablePolicy(RecordCategory category, String label) {
        if (category == RecordCategory.VOLUNTARY) {
            return Verdict.rejected(IngestionRejection.WORKFLOW_ONLY, label, "voluntary records are published by the registration "
                    + "workflow (POST /api/v1/registrations) once a department verifies them; they are not reported");
        }
        return Verdict.ALLOWED;
    }

    /** A penalty says how serious the failing is: it sets how long the penalty is published (信用修复管理办法). */
    static Verdict severityPolicy(RecordCategory category, Severity severity, String label) {
        if (category == RecordCategory.PENALTY && severity == null) {
            return Verdict.rejected(IngestionRejection.SEVERITY_REQUIRED, label,
                    "severity (轻微/一般/严重, minor/general/serious) is required for a penalty");
        }
        return Verdict.ALLOWED;
    }

    /**
     * A tax credit grade or sector rating says its level, which the public credit evaluation counts;
     * no other record has one.
     */
    static Verdict ratingPolicy(RecordCategory category, String rating, String label) {
        boolean isRating = category == RecordCategory.TAX_CREDIT_GRADE || category == RecordCategory.INDUSTRY_RATING;
        if (isRating && rating == null) {
            return Verdict.rejected(IngestionRejection.RATING_REQUIRED, label, "a " + category.code() + " record says the level it gives "
                    + "(纳税信用级别, 评价等级), such as A");
        }
        if (!isRating && category != null && rating != null) {
            return Verdict.rejected(IngestionRejection.RATING_NOT_ALLOWED, label, "only tax-credit-grade and industry-rating records have a level");
        }
        return Verdict.ALLOWED;
    }

    /**
     * 纳税, 社保, 公积金 and 水电气 records are a month's payment: they say which month and whether it
     * was paid; the three contributions say how much. No other record has a month or a payment
     * status. They go to banks the subject authorised (信易贷), so they are never public.
     */
    static Verdict monthlyPaymentPolicy(RecordCategory category, boolean hasPeriod, boolean hasStatus, boolean hasAmount, DisclosureLevel level,
            Labels labels) {
        if (category == null) {
            return Verdict.ALLOWED;
        }
        List<Verdict> verdicts = new ArrayList<>();
        if (category.isMonthlyPayment()) {
            if (!hasPeriod) {
                verdicts.add(Verdict.rejected(IngestionRejection.PAYMENT_FIELD_REQUIRED, labels.period(), "a " + category.code()
                        + " record says the month it is for, such as 2026-10"));
            }
            if (!hasStatus) {
                verdicts.add(Verdict.rejected(IngestionRejection.PAYMENT_FIELD_REQUIRED, labels.paymentStatus(), "a " + category.code()
                        + " record says whether the month was paid (paid / arrears, 已缴 / 欠缴)"));
            }
            if (!hasAmount && category != RecordCategory.UTILITY_PAYMENT) {
                verdicts.add(Verdict.rejected(IngestionRejection.PAYMENT_FIELD_REQUIRED, labels.amount(), "a " + category.code()
                        + " record says the amount due for the month, in yuan"));
            }
            if (level == DisclosureLevel.PUBLIC) {
                verdicts.add(Verdict.rejected(IngestionRejection.PUBLIC_PAYMENT_RECORD, labels.disclosureLevel(), "a " + category.code()
                        + " record is shared only with banks the subject authorised: authorised (the default for it) or government"));
            }
        } else {
            if (hasPeriod) {
                verdicts.add(Verdict.rejected(IngestionRejection.PAYMENT_FIELD_NOT_ALLOWED, labels.period(),
                        "only tax-payment, social-insurance, housing-fund and utility-payment records have a month"));
            }
            if (hasStatus) {
                verdicts.add(Verdict.rejected(IngestionRejection.PAYMENT_FIELD_NOT_ALLOWED, labels.paymentStatus(),
                        "only tax-payment, social-insurance, housing-fund and utility-payment records have a payment status"));
            }
        }
        return Verdict.all(verdicts);
    }

    /** The level of a record that names none: public, except the monthly payments, which only the authorised see. */
    static DisclosureLevel defaultLevel(RecordCategory category) {
        return category != null && category.isMonthlyPayment() ? DisclosureLevel.AUTHORISED : DisclosureLevel.PUBLIC;
    }

    /** The column names the sender sees for the fields {@link #monthlyPaymentPolicy} names. */
    record Labels(String period, String paymentStatus, String amount, String disclosureLevel) {
    }

    /** How long a record is published, and the flag that tells the sender an end it sent was moved. */
    record Publication(Verdict verdict, LocalDate until, Optional<IngestionReportView.Flag> flag) {
    }

    /**
     * Publication ends on or after the decision, and a failing's no later than its severity allows:
     * an end sent past that is capped and flagged, not refused, since the record itself is right and
     * the law, not the sender, fixes the period ({@link PublicationPeriods}).
     */
    static Publication publicationPolicy(Severity severity, LocalDate decisionDate, LocalDate sentUntil, String label) {
        if (sentUntil != null && sentUntil.isBefore(decisionDate)) {
            return new Publication(Verdict.rejected(IngestionRejection.BEFORE_DECISION, label,
                    "publication cannot end before the decision date " + decisionDate), null, Optional.empty());
        }
        PublicationPeriods.Window window = PublicationPeriods.window(severity, decisionDate, sentUntil);
        Optional<IngestionReportView.Flag> flag = window.capped()
                ? Optional.of(new IngestionReportView.Flag("publication-capped", "publication ends on " + window.until() + ", not "
                        + sentUntil + ": a " + severity.code() + " failing is published for at most " + PublicationPeriods.longest(severity)
                        + " from its decision (信用修复管理办法)"))
                : Optional.empty();
        return new Publication(Verdict.ALLOWED, window.until(), flag);
    }

    /** A natural person has no USCC: a row that gives one has the subject's category wrong. */
    static Verdict naturalPersonPolicy(boolean usccGiven, String label) {
        return usccGiven ? Verdict.rejected(IngestionRejection.USCC_OF_A_PERSON, label, "a natural person has no USCC; check subjectCategory")
                : Verdict.ALLOWED;
    }

    /**
     * Records about natural persons are taken only when the gateway can recognise the person again
     * by the keyed hash of the identity number, since the number itself is never stored.
     */
    static Verdict identityHashingPolicy(boolean hashKeyConfigured, String label) {
        return hashKeyConfigured ? Verdict.ALLOWED
                : Verdict.rejected(IngestionRejection.IDENTITY_HASHING_UNAVAILABLE, label, "records about natural persons cannot be taken: "
                        + "the gateway has no identity hash key configured, and identity numbers are never stored in clear");
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
     * @param keysByName             the {@link SubjectNames#key} of names whose key the caller has worked out already
     */
    static List<NameFlag> duplicateCodePolicy(List<AcceptedRow> rows, Map<String, String> registeredNames,
            Map<String, Set<String>> registeredUsccsByName, Map<String, String> keysByName) {
        Map<String, String> namesByUscc = new LinkedHashMap<>(registeredNames);
        // A batch names each subject in many rows; its key (a fold and a pattern) is worked out once.
        Map<String, String> keys = new HashMap<>(keysByName);
        Function<String, String> keyOf = name -> keys.computeIfAbsent(name, SubjectNames::key);
        Map<String, Set<String>> usccsByName = new TreeMap<>();
        registeredUsccsByName.forEach((key, usccs) -> usccsByName.computeIfAbsent(key, k -> new TreeSet<>()).addAll(usccs));
        for (AcceptedRow row : rows) {
            if (row.subject().uscc() != null) {
                usccsByName.computeIfAbsent(keyOf.apply(row.subject().name()), k -> new TreeSet<>()).add(row.subject().uscc());
            }
        }
        List<NameFlag> flags = new ArrayList<>();
        for (AcceptedRow row : rows) {
            String uscc = row.subject().uscc();
            if (uscc == null) {
                continue;
            }
            String known = namesByUscc.putIfAbsent(uscc, row.subject().name());
            if (known != null && !keyOf.apply(known).equals(keyOf.apply(row.subject().name()))) {
                flags.add(new NameFlag(IngestionFlagKind.NAME_MISMATCH, row, known, List.of()));
            }
            List<String> others = usccsByName.getOrDefault(keyOf.apply(row.subject().name()), Set.of()).stream()
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
        if (isIsoDate(raw)) {
            return date(digits(raw, 0, 4), digits(raw, 5, 7), digits(raw, 8, 10));
        }
        String text = TIME_SUFFIX.matcher(TextInput.fold(raw)).replaceFirst("").strip();
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            m = BASIC_DATE.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /**
     * yyyy-mm-dd in ASCII, what JSON batches send: read as the patterns above would read it, without
     * folding the text and matching it (four of every hundred bytes an ingested batch allocated).
     */
    private static boolean isIsoDate(String raw) {
        if (raw.length() != 10 || raw.charAt(4) != '-' || raw.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = raw.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
