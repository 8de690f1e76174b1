package cn.opencredit.gateway.subject;

/** Stored subject → API views; the only place that decides what of a subject is shown. */
final class SubjectMapper {

    private SubjectMapper() {
    }

    static SubjectSummaryView toSummary(SubjectDetails row) {
        return new SubjectSummaryView(row.uscc(), row.name(), row.type(), row.regionCode(), row.status(), row.registeredOn());
    }
}
