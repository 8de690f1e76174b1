package cn.opencredit.gateway.commitment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.uscc.UsccValidation;
import cn.opencredit.gateway.shared.web.ApiCode;
import cn.opencredit.gateway.shared.web.TextInput;

/**
 * The rules of credit commitments: who reports and decides them, what a reported row must hold,
 * when a commitment may change, what its outcome needs, and when one is overdue.
 */
final class CommitmentPolicies {

    static final int MAX_ID = 200;
    static final int MAX_TEXT = 200;
    static final int MAX_CODE = 100;
    static final int MAX_CONTENT = 4000;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final LocalDate EARLIEST_DATE = LocalDate.of(1949, 10, 1);

    private CommitmentPolicies() {
    }

    /** Departments bound to their USCC report and decide their own commitments; operators report and decide for any department. */
    static Verdict reporterPolicy(ApiClient caller) {
        if (ApiClient.OPERATOR_TYPE.equals(caller.type())
                || (ApiClient.DEPARTMENT_TYPE.equals(caller.type()) && caller.boundUscc() != null)) {
            return Verdict.ALLOWED;
        }
        return Verdict.rejected(CommitmentRejection.NOT_A_DEPARTMENT, "Commitments are reported and decided by the department that took "
                + "them (a consumer bound to its USCC) or by an operator");
    }

    /** A batch carries at least one row and at most {@code maxRows}. */
    static Verdict batchSizePolicy(int rows, int maxRows) {
        if (rows == 0) {
            return Verdict.rejected(CommitmentRejection.NO_ROWS, "rows", "a batch carries at least one commitment");
        }
        if (rows > maxRows) {
            return Verdict.rejected(CommitmentRejection.TOO_MANY_ROWS, "rows", "a batch carries at most " + maxRows + " commitments, not "
                    + rows);
        }
        return Verdict.ALLOWED;
    }

    /** A row as stored: every value checked, text stripped. */
    record Row(String sourceCommitmentId, String subjectUscc, CommitmentType type, String procedureName, String procedureCode,
            String content, LocalDate madeOn, LocalDate deadline, boolean pendingObligations, String departmentUscc, String departmentName) {
    }

    /** What {@link #rowPolicy} found: every fault of the row, or the row as stored. */
    record CheckedRow(List<FieldError> errors, Row row) {

        boolean taken() {
            return errors.isEmpty();
        }
    }

    /**
     * One reported row: the required values present, each of its format, the deadline where the
     * type needs one (容缺受理 always; 告知承诺 with obligations pending) and not before the day the
     * commitment was made; the department the caller itself, or named by an operator. Whether the
     * deadline has passed depends on what was stored before ({@link #deadlinePolicy}).
     */
    static CheckedRow rowPolicy(CommitmentRowRequest in, ApiClient caller, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String sourceId = text(in.sourceCommitmentId(), "sourceCommitmentId", MAX_ID, true, errors);
        String subject = uscc(in.subjectUscc(), "subjectUscc", true, errors);
        CommitmentType type = null;
        if (blank(in.type())) {
            errors.add(required("type"));
        } else {
            type = typeOf(in.type().strip());
            if (type == null) {
                errors.add(new FieldError("type", CommitmentRejection.INVALID.code(), "type must be one of: notification, "
                        + "deficiency-tolerance, voluntary, industry-self-discipline, repair (or their Chinese names)"));
            }
        }
        String procedureName = text(in.procedureName(), "procedureName", MAX_TEXT, true, errors);
        String procedureCode = text(in.procedureCode(), "procedureCode", MAX_CODE, false, errors);
        String content = text(in.content(), "content", MAX_CONTENT, true, errors);
        LocalDate madeOn = date(in.madeOn(), "madeOn", true, errors);
        if (madeOn != null && madeOn.isAfter(today)) {
            errors.add(new FieldError("madeOn", CommitmentRejection.IN_THE_FUTURE.code(), "madeOn " + madeOn + " is after today, " + today));
        }
        LocalDate deadline = date(in.deadline(), "deadline", false, errors);
        boolean pending = Boolean.TRUE.equals(in.pendingObligations());
        if (deadline == null && blank(in.deadline()) && (type == CommitmentType.DEFICIENCY_TOLERANCE
                || (type == CommitmentType.NOTIFICATION && pending))) {
            errors.add(new FieldError("deadline", CommitmentRejection.REQUIRED.code(), type == CommitmentType.DEFICIENCY_TOLERANCE
                    ? "a deficiency-tolerance (容缺受理) commitment needs the deadline for the missing materials"
                    : "a notification (告知承诺) commitment with obligations pending needs the deadline to perform them"));
        }
        if (deadline != null && madeOn != null && deadline.isBefore(madeOn)) {
            errors.add(new FieldError("deadline", CommitmentRejection.BEFORE_MADE.code(), "deadline " + deadline + " is before madeOn "
                    + madeOn));
        }
        String departmentUscc;
        String departmentName;
        if (ApiClient.OPERATOR_TYPE.equals(caller.type())) {
            departmentUscc = uscc(in.departmentUscc(), "departmentUscc", true, errors);
            departmentName = text(in.departmentName(), "departmentName", MAX_TEXT, true, errors);
        } else {
            departmentUscc = caller.boundUscc();
            departmentName = caller.name();
            String named = blank(in.departmentUscc()) ? null : Uscc.validate(in.departmentUscc()).normalised();
            if (named != null && !named.equals(departmentUscc)) {
                errors.add(new FieldError("departmentUscc", CommitmentRejection.OTHER_DEPARTMENT.code(), "a department reports its own "
                        + "commitments: this consumer is " + departmentUscc + ", not " + named));
            }
        }
        if (!errors.isEmpty()) {
            return new CheckedRow(errors, null);
        }
        // A 告知承诺 with a deadline has obligations pending by what it says; 容缺受理 always has.
        boolean pendingObligations = type == CommitmentType.DEFICIENCY_TOLERANCE || pending
                || (type == CommitmentType.NOTIFICATION && deadline != null);
        return new CheckedRow(List.of(), new Row(sourceId, subject, type, procedureName, procedureCode, content, madeOn, deadline,
                pendingObligations, departmentUscc, departmentName));
    }

    /** The rows whose sourceCommitmentId an earlier row of the batch already used: only the first is taken. */
    static Set<Integer> duplicatesPolicy(List<CheckedRow> rows) {
        Set<String> seen = new HashSet<>();
        Set<Integer> duplicates = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            CheckedRow row = rows.get(i);
            if (row.taken() && !seen.add(row.row().departmentUscc() + "\u001f" + row.row().sourceCommitmentId())) {
                duplicates.add(i);
            }
        }
        return duplicates;
    }

    /**
     * A deadline that has already passed is refused when it is new (a new commitment, or a deadline
     * moved): the platform would breach a 容缺受理 commitment at once for a day it was told about too late.
     * An unchanged deadline on a resend is left as it is.
     */
    static Optional<FieldError> deadlinePolicy(Row row, LocalDate storedDeadline, LocalDate today) {
        if (row.deadline() != null && row.deadline().isBefore(today) && !row.deadline().equals(storedDeadline)) {
            return Optional.of(new FieldError("deadline", CommitmentRejection.DEADLINE_PASSED.code(), "deadline " + row.deadline()
                    + " has passed (today is " + today + " in China)"));
        }
        return Optional.empty();
    }

    /**
     * A resend of a stored commitment: about the same subject always (the department's id names one
     * commitment of one subject); with new content only while it is open.
     */
    static Optional<FieldError> resendPolicy(Row row, String storedSubject, CommitmentState storedState, boolean changed) {
        if (!row.subjectUscc().equals(storedSubject)) {
            return Optional.of(new FieldError("subjectUscc", CommitmentRejection.SUBJECT_CHANGED.code(), "commitment "
                    + row.sourceCommitmentId() + " was reported about " + storedSubject + "; report a commitment of another subject under an "
                    + "id of its own"));
        }
        if (changed && storedState != CommitmentState.OPEN) {
            return Optional.of(new FieldError("sourceCommitmentId", CommitmentRejection.NOT_OPEN.code(), "commitment "
                    + row.sourceCommitmentId() + " is " + storedState.code() + " and no longer changes"));
        }
        return Optional.empty();
    }

    /** The department that took the commitment decides it, or an operator. */
    static Verdict deciderPolicy(ApiClient caller, String departmentUscc) {
        Verdict reporter = reporterPolicy(caller);
        if (!reporter.isAllowed()) {
            return reporter;
        }
        if (ApiClient.DEPARTMENT_TYPE.equals(caller.type()) && !departmentUscc.equals(caller.boundUscc())) {
            return Verdict.rejected(CommitmentRejection.OTHER_DEPARTMENT, "The commitment was taken by " + departmentUscc + "; only that "
                    + "department or an operator reports its outcome");
        }
        return Verdict.ALLOWED;
    }

    /** An outcome is reported once, on the version last read. */
    static Verdict openPolicy(long id, CommitmentState state, int version, int requestVersion) {
        if (version != requestVersion) {
            return Verdict.rejected(CommitmentRejection.STALE_VERSION, "version", "Commitment " + id + " is at version " + version + ", not "
                    + requestVersion + "; read it again and report on what it is now");
        }
        if (state != CommitmentState.OPEN) {
            return Verdict.rejected(CommitmentRejection.NOT_OPEN, "Commitment " + id + " is " + state.code() + " already");
        }
        return Verdict.ALLOWED;
    }

    /** A breach and a cancellation say why; a fulfilment may. */
    static Verdict reasonPolicy(CommitmentOutcomeRequest.Outcome outcome, String reason) {
        if (outcome != CommitmentOutcomeRequest.Outcome.FULFILLED && blank(reason)) {
            return Verdict.rejected(CommitmentRejection.REQUIRED, "reason", "a " + outcome.code() + " outcome says why");
        }
        if (reason != null && TextInput.hasForbiddenControlCharacter(reason)) {
            return Verdict.rejected(CommitmentRejection.INVALID, "reason", "reason must not contain control characters");
        }
        return Verdict.ALLOWED;
    }

    /** What {@link #fulfilledOnPolicy} found: its verdict, and the day the obligation was performed (null but for a fulfilment). */
    record FulfilledOn(Verdict verdict, LocalDate on) {
    }

    /** The day a fulfilment was performed: a date not in the future, today when absent; sent only with a fulfilment. */
    static FulfilledOn fulfilledOnPolicy(CommitmentOutcomeRequest.Outcome outcome, String raw, LocalDate today) {
        if (outcome != CommitmentOutcomeRequest.Outcome.FULFILLED) {
            return new FulfilledOn(blank(raw) ? Verdict.ALLOWED : Verdict.rejected(CommitmentRejection.INVALID, "fulfilledOn",
                    "fulfilledOn goes only with a fulfilled outcome"), null);
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = date(raw, "fulfilledOn", false, errors);
        if (!errors.isEmpty()) {
            return new FulfilledOn(Verdict.rejected(CommitmentRejection.INVALID, "fulfilledOn", errors.getFirst().message()), null);
        }
        if (on != null && on.isAfter(today)) {
            return new FulfilledOn(Verdict.rejected(CommitmentRejection.IN_THE_FUTURE, "fulfilledOn", "fulfilledOn " + on + " is after today, "
                    + today), null);
        }
        return new FulfilledOn(Verdict.ALLOWED, on == null ? today : on);
    }

    /**
     * A fulfilment is not before the commitment was made; a 容缺受理 commitment is kept only when its
     * materials came by the deadline (the platform breaches it once the deadline has passed).
     */
    static Verdict fulfilmentPolicy(CommitmentType type, LocalDate madeOn, LocalDate deadline, LocalDate fulfilledOn) {
        if (fulfilledOn.isBefore(madeOn)) {
            return Verdict.rejected(CommitmentRejection.BEFORE_MADE, "fulfilledOn", "fulfilledOn " + fulfilledOn + " is before the commitment "
                    + "was made, " + madeOn);
        }
        if (type == CommitmentType.DEFICIENCY_TOLERANCE && deadline != null && fulfilledOn.isAfter(deadline)) {
            return Verdict.rejected(CommitmentRejection.AFTER_DEADLINE, "fulfilledOn", "a deficiency-tolerance commitment fulfilled on "
                    + fulfilledOn + ", after its deadline " + deadline + ", was not kept; report it breached");
        }
        return Verdict.ALLOWED;
    }

    /** Its subject, its department and operators read a commitment. */
    static Verdict readerPolicy(ApiClient caller, String subjectUscc, String departmentUscc) {
        boolean party = switch (caller.type()) {
            case ApiClient.OPERATOR_TYPE -> true;
            case ApiClient.SUBJECT_TYPE -> subjectUscc.equals(caller.boundUscc());
            case ApiClient.DEPARTMENT_TYPE -> departmentUscc.equals(caller.boundUscc());
            default -> false;
        };
        return party ? Verdict.ALLOWED : Verdict.rejected(CommitmentRejection.NOT_A_PARTY, "A commitment is read by its subject, the "
                + "department that took it and operators");
    }

    /** A subject's list of commitments is for the subject itself (a consumer bound to its USCC) and operators. */
    static Verdict subjectListerPolicy(ApiClient caller, String subjectUscc) {
        if (ApiClient.OPERATOR_TYPE.equals(caller.type())
                || (ApiClient.SUBJECT_TYPE.equals(caller.type()) && subjectUscc.equals(caller.boundUscc()))) {
            return Verdict.ALLOWED;
        }
        return Verdict.rejected(CommitmentRejection.NOT_YOUR_USCC, "uscc", "A subject's commitments are listed for the subject itself and "
                + "operators; departments list the ones they reported at /api/v1/commitments");
    }

    /** Open past the end of its deadline day in China: {@code today} is China's date. */
    static boolean overdue(CommitmentState state, LocalDate deadline, LocalDate today) {
        return state == CommitmentState.OPEN && deadline != null && deadline.isBefore(today);
    }

    /** A 容缺受理 commitment the platform breaches: open and overdue. */
    static boolean breachablePolicy(CommitmentType type, CommitmentState state, LocalDate deadline, LocalDate today) {
        return type == CommitmentType.DEFICIENCY_TOLERANCE && overdue(state, deadline, today);
    }

    /** Of the commitments with an outcome, the share kept, to four decimals; none (null) when none has an outcome yet. */
    static BigDecimal fulfilmentRatePolicy(long fulfilled, long breached) {
        long decided = fulfilled + breached;
        return decided == 0 ? null : BigDecimal.valueOf(fulfilled).divide(BigDecimal.valueOf(decided), 4, RoundingMode.HALF_UP);
    }

    /** Whether a resent row says anything other than what is stored. */
    static boolean changed(byte[] stored, byte[] sent) {
        return !java.security.MessageDigest.isEqual(stored, sent);
    }

    /** What identifies a row's content, to tell a resend that changes nothing. */
    static String fingerprint(Row row) {
        return String.join("\u001f", row.subjectUscc(), row.type().name(), row.procedureName(), Objects.toString(row.procedureCode(), ""),
                row.content(), row.madeOn().toString(), Objects.toString(row.deadline(), ""), Boolean.toString(row.pendingObligations()),
                row.departmentName());
    }

    static CommitmentType typeOf(String raw) {
        for (CommitmentType type : CommitmentType.values()) {
            if (type.code().equalsIgnoreCase(raw) || type.name().equalsIgnoreCase(raw) || type.nameZh().equals(raw)) {
                return type;
            }
        }
        return null;
    }

    private static String text(String raw, String field, int max, boolean required, List<FieldError> errors) {
        if (blank(raw)) {
            if (required) {
                errors.add(required(field));
            }
            return null;
        }
        String value = raw.strip();
        if (value.length() > max) {
            errors.add(new FieldError(field, CommitmentRejection.INVALID.code(), field + " has " + value.length() + " characters, at most "
                    + max + " are taken"));
        } else if (TextInput.hasForbiddenControlCharacter(value)) {
            errors.add(new FieldError(field, CommitmentRejection.INVALID.code(), field + " must not contain control characters"));
        }
        return value;
    }

    private static String uscc(String raw, String field, boolean required, List<FieldError> errors) {
        if (blank(raw)) {
            if (required) {
                errors.add(required(field));
            }
            return null;
        }
        UsccValidation validation = Uscc.validate(raw);
        if (!validation.isValid()) {
            validation.violations().forEach(violation -> errors.add(violation.toFieldError(field)));
            return null;
        }
        return validation.normalised();
    }

    private static LocalDate date(String raw, String field, boolean required, List<FieldError> errors) {
        if (blank(raw)) {
            if (required) {
                errors.add(required(field));
            }
            return null;
        }
        String value = raw.strip();
        try {
            LocalDate date = ISO_DATE.matcher(value).matches() ? LocalDate.parse(value) : null;
            if (date != null && !date.isBefore(EARLIEST_DATE) && date.getYear() <= 2099) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // Reported below, with the field named.
        }
        errors.add(new FieldError(field, CommitmentRejection.INVALID.code(), field + " must be a date YYYY-MM-DD between 1949-10-01 and "
                + "2099-12-31"));
        return null;
    }

    private static FieldError required(String field) {
        return new FieldError(field, CommitmentRejection.REQUIRED.code(), field + " is required");
    }

    private static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }

    /** The codes the API takes for {@code type}, for parsing query parameters. */
    static CommitmentType typeParameter(String raw) {
        CommitmentType type = typeOf(raw.strip());
        return type != null ? type : ApiCode.parse(CommitmentType.class, raw, "type");
    }
}
