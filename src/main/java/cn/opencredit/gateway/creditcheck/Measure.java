package cn.opencredit.gateway.creditcheck;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.evaluation.Grade;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.Severity;

/** A catalogue row as the rules read it. */
record Measure(String code, String name, MeasureKind kind, String document, String clause, Set<ListType> listTypes, Set<Grade> grades,
        Set<RecordCategory> recordCategories, Severity minSeverity, Set<CheckScenario> scenarios, List<String> departments, LocalDate validFrom,
        LocalDate validUntil, int version) {

    MeasureView view() {
        return new MeasureView(code, name, kind, new MeasureView.Basis(document, clause),
                new MeasureView.Triggers(List.copyOf(listTypes), List.copyOf(grades), List.copyOf(recordCategories), minSeverity),
                List.copyOf(scenarios), departments, validFrom, validUntil, version);
    }
}
