package cn.opencredit.gateway.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.creditlist.CreditListService;
import cn.opencredit.gateway.creditlist.ListEntryQuery;
import cn.opencredit.gateway.creditlist.ListMonth;
import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.disclosure.DisclosureService;
import cn.opencredit.gateway.finance.FinanceStatsService;
import cn.opencredit.gateway.finance.FinanceStatsView;
import cn.opencredit.gateway.portal.PortalPages.CategoryCount;
import cn.opencredit.gateway.portal.PortalPages.Department;
import cn.opencredit.gateway.portal.PortalPages.DisclosureFilters;
import cn.opencredit.gateway.portal.PortalPages.DisclosurePage;
import cn.opencredit.gateway.portal.PortalPages.FinanceMonthRow;
import cn.opencredit.gateway.portal.PortalPages.FinanceSummary;
import cn.opencredit.gateway.portal.PortalPages.ListFilters;
import cn.opencredit.gateway.portal.PortalPages.ListMonthRow;
import cn.opencredit.gateway.portal.PortalPages.ListPage;
import cn.opencredit.gateway.portal.PortalPages.RecordsPage;
import cn.opencredit.gateway.portal.PortalPages.SearchPage;
import cn.opencredit.gateway.portal.PortalPages.StatisticsPage;
import cn.opencredit.gateway.portal.PortalPages.SubjectPage;
import cn.opencredit.gateway.portal.PortalPages.WorkflowRow;
import cn.opencredit.gateway.profile.ProfileService;
import cn.opencredit.gateway.profile.ProfileView;
import cn.opencredit.gateway.record.RecordAudience;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordService;
import cn.opencredit.gateway.record.RecordView;
import cn.opencredit.gateway.shared.cache.CachedJson;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.web.ApiCode;
import cn.opencredit.gateway.stats.DisclosureStatsView;
import cn.opencredit.gateway.stats.StatsService;
import cn.opencredit.gateway.subject.SubjectSearch;
import cn.opencredit.gateway.subject.SubjectService;
import cn.opencredit.gateway.subject.SubjectSummaryView;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.timeline.Workflow;
import cn.opencredit.gateway.timeline.WorkflowMonth;

/**
 * The public credit portal's pages, each assembled from the services the public API answers with,
 * called in process. Every read is the public audience's (records of the public disclosure level
 * only, whatever key a browser might send), and the profile and record pages are read through the
 * same cache as the API's answers, parsed back from its JSON.
 */
@ApplicationScoped
public class PortalService {

    static final String PAGE_SIZE = "20";
    /** How far back the list chart looks, this month included. */
    static final int LIST_MONTHS = 12;

    private final SubjectService subjects;
    private final ProfileService profiles;
    private final RecordService records;
    private final CreditListService lists;
    private final DisclosureService disclosures;
    private final StatsService stats;
    private final FinanceStatsService finance;
    private final ObjectMapper json;
    private final Clock clock;

    PortalService(SubjectService subjects, ProfileService profiles, RecordService records, CreditListService lists, DisclosureService disclosures,
            StatsService stats, FinanceStatsService finance, ObjectMapper json,
            Clock clock) {
        this.subjects = subjects;
        this.profiles = profiles;
        this.records = records;
        this.lists = lists;
        this.disclosures = disclosures;
        this.stats = stats;
        this.finance = finance;
        this.json = json;
        this.clock = clock;
    }

    /** Hits for a name fragment or USCC prefix, folded as the API folds it; no query, no hits. */
    public Uni<SearchPage> search(String q, String cursor) {
        SubjectSearch search = SubjectSearch.parse(q, null, null);
        if (search.text().isEmpty()) {
            return Uni.createFrom().item(new SearchPage("", List.of(), null));
        }
        return subjects.search(search, PAGE_SIZE, cursor)
                .map(page -> new SearchPage(search.text().get(), page.items(), page.nextCursor()));
    }

    /** The subject's public profile; a 404 problem when no subject has this USCC. */
    public Uni<SubjectPage> subject(Uscc uscc) {
        return profile(uscc).map(profile -> new SubjectPage(profile, counts(profile)));
    }

    /** One page of the subject's public records, of {@code category} or all. */
    public Uni<RecordsPage> records(Uscc uscc, String category, String cursor) {
        Optional<RecordCategory> wanted = Optional.ofNullable(category).filter(c -> !c.isBlank())
                .map(c -> ApiCode.parse(RecordCategory.class, c, "category"));
        return profile(uscc).chain(profile -> records.records(uscc, RecordAudience.PUBLIC, wanted, PAGE_SIZE, cursor)
                .map(answer -> {
                    RecordPageJson page = read(answer, RecordPageJson.class);
                    return new RecordsPage(profile, wanted.orElse(null), counts(profile), page.items(), page.nextCursor());
                }));
    }

    /** One page of a list, filtered as the API's list endpoint filters. */
    public Uni<ListPage> list(String type, ListFilters filters, String cursor) {
        ListEntryQuery query = ListEntryQuery.parse(type, filters.region(), filters.authority(), filters.from(), filters.to(), filters.active());
        return lists.list(query, PAGE_SIZE, cursor).chain(page -> departments()
                .map(departments -> new ListPage(query.type(), filters, page.items(), page.nextCursor(), departments)));
    }

    /** One page of 双公示 and the other administrative actions. */
    public Uni<DisclosurePage> disclosures(DisclosureFilters filters, String cursor) {
        return disclosures.disclosures(filters.category(), filters.department(), null, filters.from(), filters.to(), PAGE_SIZE, cursor)
                .chain(page -> departments().map(departments -> new DisclosurePage(filters, page.items(), page.nextCursor(), departments)));
    }

    /** The four statistics the portal charts, each from the service behind its API endpoint. */
    public Uni<StatisticsPage> statistics() {
        return Uni.combine().all()
                .unis(stats.disclosures(null, null, null), lists.monthly(List.of(ListType.RED, ListType.BLACK), LIST_MONTHS),
                        stats.workflows(null, null, null, null), finance.statistics(null, null))
                .with((disclosureStats, listMonths, workflowStats, financeStats) -> {
                    List<ListMonthRow> listRows = listRows(listMonths, YearMonth.from(ChinaTime.today(clock)));
                    List<WorkflowRow> workflowRows = workflowRows(workflowStats.months());
                    FinanceSummary financeSummary = financeSummary(financeStats);
                    return new StatisticsPage(disclosureStats, PortalCharts.timeliness(json, disclosureStats), listRows,
                            PortalCharts.lists(json, listRows), workflowRows, PortalCharts.workflows(json, workflowRows), financeSummary,
                            PortalCharts.finance(json, financeSummary));
                });
    }

    private Uni<ProfileView> profile(Uscc uscc) {
        // The portal is the public's view: no caller, so the public audience, whatever key came along.
        return profiles.profile(uscc, null).map(answer -> read(answer, ProfileView.class));
    }

    /** The departments the statistics know of (those that reported records), by name. */
    private Uni<List<Department>> departments() {
        return stats.disclosures(null, null, null).map(view -> view.departments().stream()
                .map(DisclosureStatsView.DepartmentStats::department)
                .map(d -> new Department(d.uscc(), d.name()))
                .distinct()
                .sorted(java.util.Comparator.comparing(Department::name))
                .toList());
    }

    private static List<CategoryCount> counts(ProfileView profile) {
        return Arrays.stream(RecordCategory.values())
                .filter(category -> profile.recordCounts().containsKey(category.code()))
                .map(category -> new CategoryCount(category, profile.recordCounts().get(category.code())))
                .toList();
    }

    /** Every month of the chart's span, those without a change as zeros, so that the time axis is even. */
    private static List<ListMonthRow> listRows(List<ListMonth> months, YearMonth current) {
        Map<String, long[]> byMonth = new TreeMap<>();
        for (int back = LIST_MONTHS - 1; back >= 0; back--) {
            byMonth.put(current.minusMonths(back).toString(), new long[4]);
        }
        for (ListMonth m : months) {
            long[] figures = byMonth.computeIfAbsent(m.month(), k -> new long[4]);
            int at = m.listType() == ListType.RED ? 0 : 2;
            figures[at] += m.included();
            figures[at + 1] += m.left();
        }
        List<ListMonthRow> rows = new ArrayList<>();
        byMonth.forEach((month, f) -> rows.add(new ListMonthRow(month, f[0], f[1], f[2], f[3])));
        return rows;
    }

    private static List<WorkflowRow> workflowRows(List<WorkflowMonth> months) {
        Map<String, long[]> byMonth = new TreeMap<>();
        for (WorkflowMonth m : months) {
            if (m.workflow() != Workflow.REPAIR && m.workflow() != Workflow.OBJECTION) {
                continue;
            }
            long[] figures = byMonth.computeIfAbsent(m.month(), k -> new long[4]);
            int at = m.workflow() == Workflow.REPAIR ? 0 : 2;
            figures[at] += m.cases();
            figures[at + 1] += m.handled();
        }
        List<WorkflowRow> rows = new ArrayList<>();
        byMonth.forEach((month, f) -> rows.add(new WorkflowRow(month, f[0], f[1], f[2], f[3])));
        return rows;
    }

    /** Totals and months only: what each bank answered stays with the operators (the API's finance statistics are theirs). */
    private static FinanceSummary financeSummary(FinanceStatsView view) {
        FinanceStatsView.Figures totals = view.totals();
        return new FinanceSummary(totals.demands(), totals.loansGranted(), totals.grantedAmount().amount(), totals.creditLoans(),
                view.byMonth().stream().map(m -> new FinanceMonthRow(m.month(), m.figures().demands(), m.figures().loansGranted(),
                        m.figures().grantedAmount().amount())).toList());
    }

    private <T> T read(CachedJson answer, Class<T> type) {
        try {
            return json.readValue(answer.json(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("a cached answer did not parse as " + type.getSimpleName(), e);
        }
    }

    /** The record page's JSON as the API serves and caches it. */
    record RecordPageJson(List<RecordView> items, String nextCursor) {
    }
}
