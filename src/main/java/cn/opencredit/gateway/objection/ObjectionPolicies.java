package cn.opencredit.gateway.objection;

import java.time.LocalDate;
import java.util.Set;

import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.WorkflowRecord;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;

/** The rules of objections: who files, about what, who decides, and when a request is on time. */
final class ObjectionPolicies {

    /** Banks and credit agencies dispute data they received: the public records they read. */
    static final Set<String> THIRD_PARTIES = Set.of("BANK", "CREDIT_AGENCY");
    private static final Set<RecordStatus> DISPUTABLE = Set.of(RecordStatus.PUBLISHED, RecordStatus.CORRECTED);

    private ObjectionPolicies() {
    }

    /**
     * The subject itself disputes its records (through a consumer bound to its USCC); a bank or
     * agency disputes public records it received; an operator files for a subject at the service
     * window. Nobody else files.
     */
    static Verdict filerPolicy(ApiClient filer, WorkflowRecord record) {
        if (ApiClient.OPERATOR_TYPE.equals(filer.type()) || THIRD_PARTIES.contains(filer.type())) {
            return Verdict.ALLOWED;
        }
        if (!ApiClient.SUBJECT_TYPE.equals(filer.type())) {
            return Verdict.rejected(ObjectionRejection.NOT_A_FILER, "Objections are filed by the subject, a bank or credit agency that "
                    + "received the data, or an operator");
        }
        if (!record.subjectUscc().equals(filer.boundUscc())) {
            return Verdict.rejected(ObjectionRejection.NOT_YOUR_RECORD, "A subject disputes its own records; record " + record.id()
                    + " is about another subject");
        }
        return Verdict.ALLOWED;
    }

    /**
     * Whether the filer can see the record at all: the subject sees its public and authorised-level
     * records, a third party public ones; government-only records are not theirs to dispute.
     */
    static boolean visibleTo(ApiClient filer, WorkflowRecord record) {
        if (ApiClient.OPERATOR_TYPE.equals(filer.type())) {
            return true;
        }
        if (ApiClient.SUBJECT_TYPE.equals(filer.type())) {
            return record.disclosureLevel() != DisclosureLevel.GOVERNMENT;
        }
        return record.disclosureLevel() == DisclosureLevel.PUBLIC;
    }

    /** A published or corrected record can be disputed, once at a time. */
    static Verdict disputablePolicy(WorkflowRecord record) {
        if (record.status() == RecordStatus.DISPUTED) {
            return Verdict.rejected(ObjectionRejection.ALREADY_DISPUTED, "Record " + record.id() + " is under objection already; it is decided "
                    + "first");
        }
        if (!DISPUTABLE.contains(record.status())) {
            return Verdict.rejected(ObjectionRejection.NOT_DISPUTABLE, "Record " + record.id() + " is " + record.status().code()
                    + " and no longer published; there is nothing to dispute");
        }
        return Verdict.ALLOWED;
    }

    /** 谁认定、谁更正: the record's source department decides, or an operator. */
    static Verdict deciderPolicy(ApiClient decider, String departmentUscc) {
        if (ApiClient.OPERATOR_TYPE.equals(decider.type())
                || (ApiClient.DEPARTMENT_TYPE.equals(decider.type()) && departmentUscc.equals(decider.boundUscc()))) {
            return Verdict.ALLOWED;
        }
        return Verdict.rejected(ObjectionRejection.OTHER_DEPARTMENT, "The record's source department " + departmentUscc
                + " decides this objection");
    }

    /** Only who filed withdraws. */
    static Verdict withdrawerPolicy(ApiClient caller, Objection objection) {
        return objection.filerConsumerId.equals(caller.consumerId()) ? Verdict.ALLOWED
                : Verdict.rejected(ObjectionRejection.NOT_YOUR_OBJECTION, "Only who filed objection " + objection.id + " withdraws it");
    }

    /** Its filer, the subject itself, the deciding department and operators read an objection. */
    static Verdict readerPolicy(ApiClient caller, Objection objection, String subjectUscc) {
        boolean party = ApiClient.OPERATOR_TYPE.equals(caller.type()) || objection.filerConsumerId.equals(caller.consumerId())
                || (ApiClient.SUBJECT_TYPE.equals(caller.type()) && subjectUscc.equals(caller.boundUscc()))
                || (ApiClient.DEPARTMENT_TYPE.equals(caller.type()) && objection.departmentUscc.equals(caller.boundUscc()));
        return party ? Verdict.ALLOWED : Verdict.rejected(ObjectionRejection.NOT_A_PARTY, "Objection " + objection.id + " is read by its "
                + "filer, its subject, the deciding department and operators");
    }

    /** A department lists its queue once it is bound to its USCC; an unbound one cannot tell which is its. */
    static Verdict listerPolicy(ApiClient caller) {
        return ApiClient.DEPARTMENT_TYPE.equals(caller.type()) && caller.boundUscc() == null
                ? Verdict.rejected(ObjectionRejection.OTHER_DEPARTMENT, "This department consumer is not bound to its department's USCC")
                : Verdict.ALLOWED;
    }

    /** Decisions and withdrawals act on an open objection, as the caller last read it. */
    static Verdict openPolicy(Objection objection, int version) {
        if (!objection.state.open()) {
            return Verdict.rejected(ObjectionRejection.NOT_OPEN, "Objection " + objection.id + " is " + objection.state.code() + " already");
        }
        if (objection.version != version) {
            return Verdict.rejected(ObjectionRejection.STALE_VERSION, "Objection " + objection.id + " is at version " + objection.version
                    + ", not " + version + "; read it again and decide on what it is now");
        }
        return Verdict.ALLOWED;
    }

    /** A correction comes with the outcome corrected, and only then, and changes something. */
    static Verdict correctionPolicy(DecisionRequest.Outcome outcome, DecisionRequest.Correction correction) {
        boolean empty = correction == null || (blank(correction.title()) && blank(correction.decisionNumber()) && blank(correction.content())
                && blank(correction.severity()));
        if (outcome == DecisionRequest.Outcome.CORRECTED && empty) {
            return Verdict.rejected(ObjectionRejection.NOTHING_CORRECTED, "correction", "say what is corrected: title, decisionNumber, content "
                    + "or severity");
        }
        if (outcome != DecisionRequest.Outcome.CORRECTED && !empty) {
            return Verdict.rejected(ObjectionRejection.CORRECTION_NOT_ALLOWED, "correction", "a correction is given only with the outcome "
                    + "corrected");
        }
        return Verdict.ALLOWED;
    }

    /**
     * The last day for the decision: the {@code days}th working day after the day it was filed (that
     * day not counted), by the shipped calendar with its 调休 (a Saturday can be a working day, a
     * Wednesday a holiday).
     */
    static LocalDate dueOn(WorkdayCalendar calendar, LocalDate filedOn, int days) {
        return calendar.workingDayAfter(filedOn, days);
    }

    /** What the record becomes when the objection ends this way. */
    static RecordStatus recordStatusAfter(ObjectionState ending, RecordStatus before) {
        return switch (ending) {
            case CORRECTED -> RecordStatus.CORRECTED;
            case REVOKED -> RecordStatus.REVOKED;
            case UPHELD, WITHDRAWN -> before;
            case FILED -> RecordStatus.DISPUTED;
        };
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
