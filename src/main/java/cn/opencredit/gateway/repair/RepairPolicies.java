package cn.opencredit.gateway.repair;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.opencredit.gateway.creditlist.ListEntryView;
import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.PublicationPeriods;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.WorkflowRecord;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;

/**
 * The rules of credit repair under the 《信用修复管理办法》 (in force 2026-04-01) and 国办发〔2025〕22号:
 * who applies, for which records and when, who decides, and when a decision is due.
 */
final class RepairPolicies {

    private RepairPolicies() {
    }

    /**
     * Whether a record can be repaired now: eligible, or the reasons it cannot with the first day
     * on which it could (null when no day can make it succeed).
     */
    sealed interface Eligibility permits Eligible, Ineligible {

        /** Nothing when eligible; else the 409 problem naming every reason, with the first day it could succeed. */
        default void orThrow() {
            if (this instanceof Ineligible ineligible) {
                throw new ProblemException(ineligible.reasons().getFirst().problem(), ineligible.detail(), ineligible.errors(),
                        ineligible.eligibleFrom());
            }
        }
    }

    record Eligible() implements Eligibility {
    }

    /**
     * @param reasons      every reason, the one that decides the problem first
     * @param eligibleFrom the first day on which the same application could succeed, once the other
     *                     reasons are put right; null when none can
     */
    record Ineligible(List<RepairRejection> reasons, String detail, List<FieldError> errors, LocalDate eligibleFrom) implements Eligibility {
    }

    /** What the applicant states, as the eligibility rule reads it. */
    record Application(boolean obligationsPerformed, int evidenceFiles, boolean commitmentAccepted) {
    }

    /**
     * The eligibility of a repair (办法第二条, 22号 二, DESIGN.md): a failing (a record with a
     * severity) of a repairable category; published now (not disputed, repaired, revoked or
     * expired); its shortest publication period passed (轻微: none, repairable as soon as the
     * obligations are performed; 一般: 3 months; 严重: 1 year from the decision); the obligations
     * performed, with evidence; the repair commitment accepted. What no date can change (not a
     * failing, a category that is not repaired, no longer published) is answered alone.
     */
    static Eligibility eligibility(WorkflowRecord record, Set<RecordCategory> unrepairable, Application application, LocalDate today) {
        if (!record.failing()) {
            return never(RepairRejection.NOT_A_FAILING, "recordId", "record " + record.id() + " is not a failing (it has no severity): there is "
                    + "nothing to repair");
        }
        if (unrepairable.contains(record.category())) {
            return never(RepairRejection.NOT_REPAIRABLE, "recordId", "records of the category " + record.category().code() + " are not "
                    + "repaired through this workflow: the authority that made them ends them by its own procedure");
        }
        if (record.status() == RecordStatus.DISPUTED) {
            return never(RepairRejection.UNDER_OBJECTION, "recordId", "record " + record.id() + " is under objection: apply once the "
                    + "objection is decided");
        }
        if (!published(record, today)) {
            return never(RepairRejection.NOT_PUBLISHED, "recordId", "record " + record.id() + " is no longer published ("
                    + (record.status() == RecordStatus.PUBLISHED || record.status() == RecordStatus.CORRECTED ? "its publication ended on "
                            + record.publishedUntil() : record.status().code()) + "): there is nothing to repair");
        }
        List<RepairRejection> reasons = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        List<String> details = new ArrayList<>();
        LocalDate from = PublicationPeriods.repairableFrom(record.severity(), record.decisionDate());
        if (today.isBefore(from)) {
            add(reasons, errors, details, RepairRejection.TOO_EARLY, "recordId", "the shortest publication period of a "
                    + record.severity().code() + " failing decided on " + record.decisionDate() + " ends on " + from.minusDays(1)
                    + ": repair may be applied for from " + from);
        }
        if (!application.obligationsPerformed()) {
            add(reasons, errors, details, RepairRejection.OBLIGATIONS_NOT_PERFORMED, "obligationsPerformed", "repair follows the legal "
                    + "obligations performed (the fine paid, the order complied with)");
        }
        if (application.evidenceFiles() == 0) {
            add(reasons, errors, details, RepairRejection.NO_EVIDENCE, "evidence", "evidence that the obligations were performed is "
                    + "attached (POST /api/v1/evidence: PDF, JPEG or PNG)");
        }
        if (!application.commitmentAccepted()) {
            add(reasons, errors, details, RepairRejection.NO_COMMITMENT, "commitment.accepted", "the repair commitment (信用修复承诺) is "
                    + "accepted explicitly (accepted: true)");
        }
        if (reasons.isEmpty()) {
            return new Eligible();
        }
        return new Ineligible(reasons, String.join("; ", details), errors, today.isBefore(from) ? from : today);
    }

    /** Published now: a listed status other than disputed, inside its publication window. */
    static boolean published(WorkflowRecord record, LocalDate today) {
        return (record.status() == RecordStatus.PUBLISHED || record.status() == RecordStatus.CORRECTED)
                && (record.publishedUntil() == null || !record.publishedUntil().isBefore(today));
    }

    private static Ineligible never(RepairRejection reason, String field, String message) {
        return new Ineligible(List.of(reason), message, List.of(new FieldError(field, reason.code(), message)), null);
    }

    private static void add(List<RepairRejection> reasons, List<FieldError> errors, List<String> details, RepairRejection reason, String field,
            String message) {
        reasons.add(reason);
        errors.add(new FieldError(field, reason.code(), message));
        details.add(message);
    }

    /** A subject sees its records but those for government eyes only; an operator sees every record. */
    static boolean visibleTo(ApiClient applicant, WorkflowRecord record) {
        return ApiClient.OPERATOR_TYPE.equals(applicant.type()) || record.disclosureLevel() != DisclosureLevel.GOVERNMENT;
    }

    /**
     * The subject applies for itself (a consumer bound to its USCC); an operator applies for it at
     * the service window (22号 四: offline windows in the government service halls). Nobody else.
     */
    static Verdict applicantPolicy(ApiClient applicant, WorkflowRecord record) {
        if (ApiClient.OPERATOR_TYPE.equals(applicant.type())) {
            return Verdict.ALLOWED;
        }
        if (!ApiClient.SUBJECT_TYPE.equals(applicant.type())) {
            return Verdict.rejected(RepairRejection.NOT_AN_APPLICANT, "Credit repair is applied for by the subject itself, or by an operator "
                    + "at the service window");
        }
        if (!record.subjectUscc().equals(applicant.boundUscc())) {
            return Verdict.rejected(RepairRejection.NOT_YOUR_RECORD, "recordId", "a subject applies to repair its own records: this consumer "
                    + "acts for " + (applicant.boundUscc() == null ? "no subject" : applicant.boundUscc()) + ", not " + record.subjectUscc());
        }
        return Verdict.ALLOWED;
    }

    /** The repair commitment is the published text, word for word (surrounding white space aside). */
    static Verdict commitmentTextPolicy(String text, String published) {
        return text != null && text.strip().equals(published.strip()) ? Verdict.ALLOWED
                : Verdict.rejected(RepairRejection.NOT_THE_PUBLISHED_TEXT, "commitment.text", "the commitment is the published text, word for "
                        + "word (GET /api/v1/repair-applications/commitment-text)");
    }

    /**
     * A black-list entry the repair also ends: the subject's, current, on the black list, included
     * by the authority that decides the repair.
     */
    static Verdict listEntryPolicy(ListEntryView entry, WorkflowRecord record) {
        boolean matches = entry.listType() == ListType.BLACK && record.subjectUscc().equals(entry.subjectUscc())
                && record.sourceDepartmentUscc().equals(entry.authorityUscc()) && entry.current();
        return matches ? Verdict.ALLOWED : Verdict.rejected(RepairRejection.LIST_ENTRY_MISMATCH, "blackListEntryId", "black-list entry "
                + entry.id() + " is not a current entry of " + record.subjectUscc() + " by " + record.sourceDepartmentUscc()
                + ", the authority that decides this repair");
    }

    /** The authority that made the finding decides (谁认定、谁修复), or an operator. */
    static Verdict deciderPolicy(ApiClient decider, String departmentUscc) {
        if (ApiClient.OPERATOR_TYPE.equals(decider.type())
                || (ApiClient.DEPARTMENT_TYPE.equals(decider.type()) && departmentUscc.equals(decider.boundUscc()))) {
            return Verdict.ALLOWED;
        }
        return Verdict.rejected(RepairRejection.OTHER_DEPARTMENT, "The authority that made the finding, " + departmentUscc
                + ", decides this repair (谁认定、谁修复)");
    }

    /** Its applicant, its subject, the deciding authority and operators read an application. */
    static Verdict readerPolicy(ApiClient caller, RepairApplication application) {
        boolean party = ApiClient.OPERATOR_TYPE.equals(caller.type()) || application.applicantConsumerId.equals(caller.consumerId())
                || (ApiClient.SUBJECT_TYPE.equals(caller.type()) && application.subjectUscc.equals(caller.boundUscc()))
                || (ApiClient.DEPARTMENT_TYPE.equals(caller.type()) && application.departmentUscc.equals(caller.boundUscc()));
        return party ? Verdict.ALLOWED : Verdict.rejected(RepairRejection.NOT_A_PARTY, "Repair application " + application.id + " is read by "
                + "its applicant, its subject, the deciding authority and operators");
    }

    /** Lists and statistics: a department once it is bound to its USCC; subjects and operators. */
    static Verdict listerPolicy(ApiClient caller) {
        if (ApiClient.DEPARTMENT_TYPE.equals(caller.type()) && caller.boundUscc() == null) {
            return Verdict.rejected(RepairRejection.OTHER_DEPARTMENT, "This department consumer is not bound to its department's USCC");
        }
        if (ApiClient.SUBJECT_TYPE.equals(caller.type()) && caller.boundUscc() == null) {
            return Verdict.rejected(RepairRejection.NOT_AN_APPLICANT, "This subject consumer is not bound to its subject's USCC");
        }
        return Verdict.ALLOWED;
    }

    /** Decisions act on an open application, as the caller last read it. */
    static Verdict openPolicy(RepairApplication application, int version) {
        if (!application.state.open()) {
            return Verdict.rejected(RepairRejection.NOT_OPEN, "Repair application " + application.id + " is " + application.state.code()
                    + " already");
        }
        if (application.version != version) {
            return Verdict.rejected(RepairRejection.STALE_VERSION, "Repair application " + application.id + " is at version "
                    + application.version + ", not " + version + "; read it again and decide on what it is now");
        }
        return Verdict.ALLOWED;
    }

    /**
     * The {@code days}th working day after {@code submittedOn} (that day not counted), by the shipped
     * calendar with its 调休 (a Saturday can be a working day, a weekday a holiday).
     */
    static LocalDate dueOn(WorkdayCalendar calendar, LocalDate submittedOn, int days) {
        return calendar.workingDayAfter(submittedOn, days);
    }

    /**
     * Whether the time limits reach past the years the loaded calendars announce: then they were
     * counted Monday to Friday, an estimate that the answer says rather than hides.
     */
    static boolean deadlinesEstimated(WorkdayCalendar calendar, LocalDate submittedOn, LocalDate answerBy) {
        return !calendar.covers(submittedOn.plusDays(1), answerBy);
    }

    /** Open past its due day. */
    static boolean overdue(RepairApplication application, LocalDate today) {
        return application.state.open() && application.dueOn.isBefore(today);
    }

    /** Working days the authority took: those after the day of submission up to the day of the decision. */
    static int handlingWorkingDays(WorkdayCalendar calendar, LocalDate submittedOn, LocalDate decidedOn) {
        return calendar.workingDaysBetween(submittedOn, decidedOn);
    }

    /** Configuration that cannot work: a time limit under one working day, an empty commitment. */
    static List<String> configFaults(int decideWithin, int answerWithin, String commitmentText) {
        List<String> faults = new ArrayList<>();
        if (decideWithin < 1) {
            faults.add("opencredit.repair.decide-within-working-days: at least 1");
        }
        if (answerWithin < decideWithin) {
            faults.add("opencredit.repair.answer-within-working-days: at least the decision's time limit");
        }
        if (commitmentText.isBlank()) {
            faults.add("opencredit.repair.commitment-text: the commitment has words");
        }
        return faults;
    }
}
