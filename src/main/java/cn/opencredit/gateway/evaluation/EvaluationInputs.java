package cn.opencredit.gateway.evaluation;

import java.time.LocalDate;
import java.util.List;

import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.subject.SubjectStatus;
import cn.opencredit.gateway.subject.SubjectType;

/**
 * Everything one subject's evaluation reads: its registration facts, the records that may count
 * (published, disputed or corrected, not for government eyes only), the list entries not removed,
 * and the facts its workflows established.
 */
public record EvaluationInputs(Subject subject, List<RecordInput> records, List<ListInput> lists, List<FactInput> facts) {

    public record Subject(long id, String uscc, SubjectType type, SubjectStatus status, LocalDate registeredOn, String regionCode,
            String industrySection) {
    }

    /** @param rating the level of a tax credit grade or sector rating (details.rating), else null */
    public record RecordInput(long id, RecordCategory category, Severity severity, String title, String decisionNumber,
            LocalDate decisionDate, LocalDate publishedUntil, RecordStatus status, String rating) {
    }

    /** Dates in Beijing time: an entry counts from the day it was included until the day before it expires. */
    public record ListInput(long id, ListType type, String reason, LocalDate includedOn, LocalDate expiresOn) {
    }

    public record FactInput(String id, FactKind kind, String label, LocalDate on) {
    }
}
