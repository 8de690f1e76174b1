package cn.opencredit.gateway.record;

import java.time.LocalDate;

/**
 * A credit record as the subject workflows decide by it (objections, repairs), read and locked in
 * the workflow's own transaction.
 */
public record WorkflowRecord(long id, long subjectId, String subjectUscc, RecordCategory category, Severity severity, RecordStatus status,
        LocalDate decisionDate, LocalDate publishedUntil, String sourceDepartment, String sourceDepartmentUscc, DisclosureLevel disclosureLevel,
        String title, String decisionNumber, String content, int version) {

    /** A failing: something that counts against the subject and can be repaired (a penalty, with its severity). */
    public boolean failing() {
        return severity != null;
    }
}
