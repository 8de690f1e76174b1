package cn.opencredit.gateway.registration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.opencredit.gateway.registration.RegistrationCategory.Field;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.uscc.UsccValidation;
import cn.opencredit.gateway.shared.web.TextInput;

/**
 * The rules of voluntary registration: who registers for whom, what each category's fields must
 * hold, the commitment, which department verifies, who decides and when a request is on time.
 */
final class RegistrationPolicies {

    static final int MAX_TEXT = 200;
    static final int MAX_LONG_TEXT = 2000;
    /** The year the People's Republic was founded: no enterprise reports operations before it. */
    static final int FIRST_YEAR = 1949;
    static final long MAX_COUNT = 1_000_000_000L;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,2})?");
    private static final Pattern REGION_PREFIX = Pattern.compile("\\d{1,6}");
    private static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);
    private static final Set<String> FIGURES = Set.of("revenue", "employees", "taxPaid", "totalAssets");

    private RegistrationPolicies() {
    }

    /**
     * A subject registers for itself (a consumer bound to its USCC, acting for that USCC); an
     * operator registers for any subject at the platform's service window. Nobody else registers.
     */
    static Verdict submitterPolicy(ApiClient caller, String subjectUscc) {
        if (ApiClient.OPERATOR_TYPE.equals(caller.type())) {
            return Verdict.ALLOWED;
        }
        if (!ApiClient.SUBJECT_TYPE.equals(caller.type())) {
            return Verdict.rejected(RegistrationRejection.NOT_A_SUBMITTER, "Registrations are submitted by the subject itself, or by an "
                    + "operator at the service window");
        }
        if (!subjectUscc.equals(caller.boundUscc())) {
            return Verdict.rejected(RegistrationRejection.NOT_YOUR_USCC, "subjectUscc", "a subject registers for itself: this consumer acts "
                    + "for " + (caller.boundUscc() == null ? "no subject" : caller.boundUscc()) + ", not " + subjectUscc);
        }
        return Verdict.ALLOWED;
    }

    /** What {@link #fieldsPolicy} found: its verdict, and the fields as stored (trimmed, amounts to two decimals), in the category's order. */
    record CheckedFields(Verdict verdict, Map<String, Object> fields) {
    }

    /**
     * The fields of an item of {@code category}: each one the category takes, of its type, the
     * required ones present, none it does not take; every fault is named ({@code fields.<name>}).
     */
    static CheckedFields fieldsPolicy(RegistrationCategory category, Map<String, Object> raw, LocalDate today) {
        List<Verdict> verdicts = new ArrayList<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, Object> given = raw == null ? Map.of() : raw;
        for (String name : given.keySet()) {
            if (category.fields().stream().noneMatch(field -> field.name().equals(name))) {
                verdicts.add(Verdict.rejected(RegistrationRejection.UNKNOWN_FIELD, "fields." + name, "a " + category.code() + " item has no field "
                        + name, category.fields().stream().map(Field::name).toList().toString()));
            }
        }
        for (Field field : category.fields()) {
            Object value = given.get(field.name());
            if (value == null || (value instanceof String text && text.isBlank())) {
                if (field.required()) {
                    verdicts.add(Verdict.rejected(RegistrationRejection.REQUIRED, "fields." + field.name(), field.name() + " (" + field.labelZh()
                            + ") is required for a " + category.code() + " item"));
                }
                continue;
            }
            Object checked = value(field, value, today, verdicts);
            if (checked != null) {
                fields.put(field.name(), checked);
            }
        }
        verdicts.addAll(crossFieldRules(category, given, fields, today));
        return new CheckedFields(Verdict.all(verdicts), fields);
    }

    private static Object value(Field field, Object value, LocalDate today, List<Verdict> verdicts) {
        String at = "fields." + field.name();
        return switch (field.kind()) {
            case TEXT, LONG_TEXT -> {
                int max = field.kind() == RegistrationCategory.Kind.TEXT ? MAX_TEXT : MAX_LONG_TEXT;
                if (!(value instanceof String text) || TextInput.hasForbiddenControlCharacter(text) || text.strip().length() > max) {
                    verdicts.add(Verdict.rejected(RegistrationRejection.INVALID, at, field.name() + " is text of at most " + max
                            + " characters, without control characters"));
                    yield null;
                }
                yield text.strip();
            }
            case DATE, PAST_DATE -> {
                Optional<LocalDate> date = value instanceof String text ? date(text) : Optional.empty();
                if (date.isEmpty()) {
                    verdicts.add(Verdict.rejected(RegistrationRejection.INVALID, at, field.name() + " is a date (YYYY-MM-DD) from "
                            + EARLIEST_DATE + " to " + LATEST_DATE));
                    yield null;
                }
                if (field.kind() == RegistrationCategory.Kind.PAST_DATE && date.get().isAfter(today)) {
                    verdicts.add(Verdict.rejected(RegistrationRejection.IN_THE_FUTURE, at, field.name() + " " + date.get()
                            + " is in the future: register what has happened"));
                    yield null;
                }
                yield date.get().toString();
            }
            case YEAR -> {
                Optional<Long> year = integer(value);
                if (year.isEmpty() || year.get() < FIRST_YEAR || year.get() > today.getYear()) {
                    verdicts.add(Verdict.rejected(RegistrationRejection.INVALID, at, field.name() + " is a year (an integer) from " + FIRST_YEAR
                            + " to " + today.getYear()));
                    yield null;
                }
                yield year.get().intValue();
            }
            case COUNT -> {
                Optional<Long> count = integer(value);
                if (count.isEmpty() || count.get() < 0 || count.get() > MAX_COUNT) {
                    verdicts.add(Verdict.rejected(RegistrationRejection.INVALID, at, field.name() + " is an integer from 0 to " + MAX_COUNT));
                    yield null;
                }
                yield count.get();
            }
            case AMOUNT -> {
                if (!(value instanceof String text) || !AMOUNT.matcher(text.strip()).matches()) {
                    verdicts.add(Verdict.rejected(RegistrationRejection.INVALID, at, field.name() + " is an amount in yuan as a decimal string "
                            + "with at most two decimals, such as \"1200000.00\""));
                    yield null;
                }
                yield new BigDecimal(text.strip()).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
            }
            case USCC -> {
                UsccValidation validation = value instanceof String text ? Uscc.validate(text) : null;
                if (validation == null || !validation.isValid()) {
                    verdicts.add(Verdict.rejected(RegistrationRejection.INVALID, at, field.name() + " is a valid unified social credit code"
                            + (validation == null ? "" : ": " + validation.violations().getFirst().message())));
                    yield null;
                }
                yield validation.normalised();
            }
        };
    }

    /** Rules between fields: an end not before its start, a certificate still valid, operations with a figure. */
    private static List<Verdict> crossFieldRules(RegistrationCategory category, Map<String, Object> given, Map<String, Object> fields,
            LocalDate today) {
        List<Verdict> verdicts = new ArrayList<>();
        switch (category) {
            case QUALIFICATION -> {
                if (fields.get("validUntil") instanceof String until) {
                    if (fields.get("validFrom") instanceof String from && until.compareTo(from) < 0) {
                        verdicts.add(Verdict.rejected(RegistrationRejection.BEFORE_START, "fields.validUntil", "validUntil " + until
                                + " is before validFrom " + from));
                    } else if (LocalDate.parse(until).isBefore(today)) {
                        verdicts.add(Verdict.rejected(RegistrationRejection.EXPIRED, "fields.validUntil", "the certificate expired on " + until
                                + "; register qualifications that are valid"));
                    }
                }
            }
            case CONTRACT_PERFORMANCE -> {
                if (fields.get("signedOn") instanceof String signed && fields.get("performedOn") instanceof String performed
                        && performed.compareTo(signed) < 0) {
                    verdicts.add(Verdict.rejected(RegistrationRejection.BEFORE_START, "fields.performedOn", "performedOn " + performed
                            + " is before signedOn " + signed));
                }
            }
            case OPERATIONS -> {
                // A figure given and refused is named already; one never given is what this rule names.
                if (FIGURES.stream().noneMatch(figure -> given.get(figure) != null)) {
                    verdicts.add(Verdict.rejected(RegistrationRejection.REQUIRED, "fields", "an operations item gives at least one figure: "
                            + "revenue, employees, taxPaid or totalAssets"));
                }
            }
            default -> {
                // public welfare and honours have no rule between their fields
            }
        }
        return verdicts;
    }

    /**
     * The truthfulness commitment (信用承诺): accepted explicitly, on the published text word for
     * word (surrounding white space aside).
     */
    static Verdict commitmentPolicy(String text, Boolean accepted, String published) {
        List<Verdict> verdicts = new ArrayList<>();
        if (!Boolean.TRUE.equals(accepted)) {
            verdicts.add(Verdict.rejected(RegistrationRejection.NOT_ACCEPTED, "commitment.accepted", "the truthfulness commitment is "
                    + "accepted explicitly (accepted: true) before an item is registered"));
        }
        if (text == null || !text.strip().equals(published.strip())) {
            verdicts.add(Verdict.rejected(RegistrationRejection.NOT_THE_PUBLISHED_TEXT, "commitment.text", "the commitment is the published "
                    + "text, word for word (GET /api/v1/registrations/commitment-text)"));
        }
        return Verdict.all(verdicts);
    }

    /**
     * The department that verifies an item of {@code category} for a subject of {@code regionCode}:
     * among the routes of the category, the one whose region prefix is the longest that the region
     * code starts with; none when no route matches.
     */
    static Optional<String> departmentFor(Map<String, Map<String, String>> routes, RegistrationCategory category, String regionCode) {
        Map<String, String> byPrefix = routes.getOrDefault(category.code(), Map.of());
        String best = null;
        for (String prefix : byPrefix.keySet()) {
            if (regionCode != null && regionCode.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return Optional.ofNullable(best).map(byPrefix::get);
    }

    /**
     * Configuration that cannot work: a time limit under one working day, an empty commitment text,
     * a route of an unknown category, a region prefix that is not 1 to 6 digits, a department code
     * that is not a valid USCC.
     */
    static List<String> configFaults(int verifyWithinWorkingDays, String commitmentText, Map<String, Map<String, String>> routes) {
        List<String> faults = new ArrayList<>();
        if (verifyWithinWorkingDays < 1) {
            faults.add("opencredit.registration.verify-within-working-days: at least 1, not " + verifyWithinWorkingDays);
        }
        if (commitmentText.isBlank()) {
            faults.add("opencredit.registration.commitment-text: the commitment has words");
        }
        routes.forEach((category, byPrefix) -> {
            boolean known = java.util.Arrays.stream(RegistrationCategory.values()).anyMatch(c -> c.code().equals(category));
            if (!known) {
                faults.add("opencredit.registration.routes." + category + ": unknown category");
            }
            byPrefix.forEach((prefix, department) -> {
                if (!REGION_PREFIX.matcher(prefix).matches()) {
                    faults.add("opencredit.registration.routes." + category + "." + prefix + ": the region prefix is 1 to 6 digits");
                }
                if (!Uscc.isValid(department)) {
                    faults.add("opencredit.registration.routes." + category + "." + prefix + ": " + department + " is not a valid USCC");
                }
            });
        });
        return faults;
    }

    /** An item without a route is refused, and nothing is stored. */
    static Verdict routedPolicy(Optional<String> department, RegistrationCategory category, String regionCode) {
        return department.isPresent() ? Verdict.ALLOWED : Verdict.rejected(RegistrationRejection.NO_DEPARTMENT, "category", "no department "
                + "verifies " + category.code() + " items for subjects of region " + regionCode + " (opencredit.registration.routes)");
    }

    /** The department the item is routed to decides (verifies, rejects, finds false), or an operator. */
    static Verdict deciderPolicy(ApiClient decider, String departmentUscc) {
        if (ApiClient.OPERATOR_TYPE.equals(decider.type())
                || (ApiClient.DEPARTMENT_TYPE.equals(decider.type()) && departmentUscc.equals(decider.boundUscc()))) {
            return Verdict.ALLOWED;
        }
        return Verdict.rejected(RegistrationRejection.OTHER_DEPARTMENT, "The department " + departmentUscc + " verifies this item");
    }

    /** The subject itself (any consumer bound to its USCC) withdraws its item, or an operator for it. */
    static Verdict withdrawerPolicy(ApiClient caller, String subjectUscc) {
        if (ApiClient.OPERATOR_TYPE.equals(caller.type())
                || (ApiClient.SUBJECT_TYPE.equals(caller.type()) && subjectUscc.equals(caller.boundUscc()))) {
            return Verdict.ALLOWED;
        }
        return Verdict.rejected(RegistrationRejection.NOT_YOUR_USCC, "Only the subject " + subjectUscc + " withdraws its registration");
    }

    /** Its subject, the department it is routed to and operators read an item. */
    static Verdict readerPolicy(ApiClient caller, Registration registration) {
        boolean party = ApiClient.OPERATOR_TYPE.equals(caller.type())
                || (ApiClient.SUBJECT_TYPE.equals(caller.type()) && registration.subjectUscc.equals(caller.boundUscc()))
                || (ApiClient.DEPARTMENT_TYPE.equals(caller.type()) && registration.departmentUscc.equals(caller.boundUscc()));
        return party ? Verdict.ALLOWED : Verdict.rejected(RegistrationRejection.NOT_A_PARTY, "Registration " + registration.id + " is read by "
                + "its subject, the department that verifies it and operators");
    }

    /** Who lists: a department bound to its USCC (its queue), a subject bound to its USCC (its own items), an operator. */
    static Verdict listerPolicy(ApiClient caller) {
        if (ApiClient.OPERATOR_TYPE.equals(caller.type())) {
            return Verdict.ALLOWED;
        }
        if (ApiClient.DEPARTMENT_TYPE.equals(caller.type())) {
            return caller.boundUscc() == null ? Verdict.rejected(RegistrationRejection.OTHER_DEPARTMENT, "This department consumer is not bound "
                    + "to its department's USCC") : Verdict.ALLOWED;
        }
        if (ApiClient.SUBJECT_TYPE.equals(caller.type()) && caller.boundUscc() != null) {
            return Verdict.ALLOWED;
        }
        return Verdict.rejected(RegistrationRejection.NOT_A_PARTY, "Registrations are listed by subjects (their own), departments (their "
                + "queue) and operators");
    }

    /** A verification (or rejection) acts on a submitted item, as the caller last read it. */
    static Verdict verifiablePolicy(Registration registration, int version) {
        if (registration.state != RegistrationState.SUBMITTED) {
            return Verdict.rejected(RegistrationRejection.NOT_SUBMITTED, "Registration " + registration.id + " is " + registration.state.code()
                    + " already");
        }
        return versionPolicy(registration, version);
    }

    /** The subject withdraws a submitted or verified item, as it last read it. */
    static Verdict withdrawablePolicy(Registration registration, int version) {
        if (registration.state != RegistrationState.SUBMITTED && registration.state != RegistrationState.VERIFIED) {
            return Verdict.rejected(RegistrationRejection.NOT_WITHDRAWABLE, "Registration " + registration.id + " is "
                    + registration.state.code() + "; only submitted and verified items are withdrawn");
        }
        return versionPolicy(registration, version);
    }

    /** Only a verified item, published as a voluntary record, can be found false. */
    static Verdict falsifiablePolicy(Registration registration, int version) {
        if (registration.state != RegistrationState.VERIFIED) {
            return Verdict.rejected(RegistrationRejection.NOT_VERIFIED, "Registration " + registration.id + " is " + registration.state.code()
                    + "; only a verified item can be found false");
        }
        return versionPolicy(registration, version);
    }

    private static Verdict versionPolicy(Registration registration, int version) {
        return registration.version == version ? Verdict.ALLOWED : Verdict.rejected(RegistrationRejection.STALE_VERSION, "version",
                "Registration " + registration.id + " is at version " + registration.version + ", not " + version + "; read it again and "
                        + "decide on what it is now");
    }

    /** A rejection says why; a verification may. */
    static Verdict reasonPolicy(VerificationRequest.Outcome outcome, String reason) {
        return outcome == VerificationRequest.Outcome.REJECTED && (reason == null || reason.isBlank())
                ? Verdict.rejected(RegistrationRejection.REQUIRED, "reason", "a rejection says why, for the subject")
                : Verdict.ALLOWED;
    }

    /**
     * The last day for the verification: the {@code days}th working day after the day the item was
     * submitted (that day not counted), by the shipped calendar with its 调休.
     */
    static LocalDate dueOn(WorkdayCalendar calendar, LocalDate submittedOn, int days) {
        return calendar.workingDayAfter(submittedOn, days);
    }

    /** Submitted and past its due day. */
    static boolean overdue(Registration registration, LocalDate today) {
        return registration.state == RegistrationState.SUBMITTED && registration.dueOn.isBefore(today);
    }

    /** The words that name an item: its certificate, year, contract, activity or honour. */
    static String title(RegistrationCategory category, Map<String, Object> fields) {
        return switch (category) {
            case QUALIFICATION -> (String) fields.get("certificateName");
            case OPERATIONS -> fields.get("year") + "年度经营情况";
            case CONTRACT_PERFORMANCE -> (String) fields.get("contractName");
            case PUBLIC_WELFARE -> (String) fields.get("activity");
            case HONOUR -> (String) fields.get("title");
        };
    }

    /** The fields in words, for the record's content: 证照名称：…；证照编号：… in the category's order. */
    static String content(RegistrationCategory category, Map<String, Object> fields) {
        List<String> parts = new ArrayList<>();
        for (Field field : category.fields()) {
            Object value = fields.get(field.name());
            if (value != null) {
                parts.add(field.labelZh() + "：" + value);
            }
        }
        return String.join("；", parts);
    }

    private static Optional<LocalDate> date(String text) {
        String folded = TextInput.fold(text);
        if (!ISO_DATE.matcher(folded).matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(folded);
            return date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE) ? Optional.empty() : Optional.of(date);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> integer(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return Optional.of(((Number) value).longValue());
        }
        if (value instanceof java.math.BigInteger big && big.bitLength() < 63) {
            return Optional.of(big.longValue());
        }
        return Optional.empty();
    }
}
