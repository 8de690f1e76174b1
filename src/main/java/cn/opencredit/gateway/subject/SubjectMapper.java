package cn.opencredit.gateway.subject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.opencredit.gateway.creditlist.ListEntryView;
import cn.opencredit.gateway.creditlist.ListMembershipView;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordView;
import cn.opencredit.gateway.shared.money.Money;

/** Stored subject → API views; the only place that decides what of a subject is shown. */
final class SubjectMapper {

    private SubjectMapper() {
    }

    static SubjectSummaryView toSummary(SubjectRow row) {
        return new SubjectSummaryView(row.uscc(), row.name(), row.type(), row.regionCode(), row.status(), row.registeredOn());
    }

    static SubjectProfileView toProfile(SubjectRow row, List<ListMembershipView> memberships, List<ListEntryView> listHistory,
            Map<RecordCategory, Long> counts, List<RecordView> latest) {
        Map<String, Long> countsByCode = new LinkedHashMap<>();
        counts.forEach((category, count) -> countsByCode.put(category.code(), count));
        return new SubjectProfileView(row.uscc(), row.name(), row.type(), row.legalRepresentative(), row.regionCode(),
                row.industrySection(), row.registeredOn(), row.status(), Money.of(row.registeredCapital(), row.capitalCurrency()),
                row.address(), memberships, listHistory, countsByCode, latest);
    }
}
