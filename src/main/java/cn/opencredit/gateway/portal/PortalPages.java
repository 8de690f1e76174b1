package cn.opencredit.gateway.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.opencredit.gateway.creditlist.ListEntryView;
import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.disclosure.DisclosureView;
import cn.opencredit.gateway.profile.ProfileView;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordView;
import cn.opencredit.gateway.stats.DisclosureStatsView;
import cn.opencredit.gateway.subject.SubjectSummaryView;

/** What each portal page shows, assembled by {@link PortalService} and rendered by the templates. */
public final class PortalPages {

    private PortalPages() {
    }

    /** A page of search hits; {@code query} is the text as folded for the search (full-width characters made half-width). */
    public record SearchPage(String query, List<SubjectSummaryView> hits, String nextCursor) {
    }

    /** A subject's public profile, with its record counts in category order. */
    public record SubjectPage(ProfileView profile, List<CategoryCount> counts) {
    }

    public record CategoryCount(RecordCategory category, long count) {
    }

    /** One page of a subject's public records, of one category or all. */
    public record RecordsPage(ProfileView profile, RecordCategory category, List<CategoryCount> counts, List<RecordView> items, String nextCursor) {
    }

    /** One page of a list with the filters it was asked for, as typed. */
    public record ListPage(ListType type, ListFilters filters, List<ListEntryView> items, String nextCursor, List<Department> authorities) {
    }

    public record ListFilters(String region, String authority, String from, String to, String active) {

        /** The filters as the start of a query string for the next page's link, each parameter followed by {@code &}. */
        public String query() {
            return PortalPages.query("region", region, "authority", authority, "from", from, "to", to, "active", active);
        }
    }

    /** One page of 双公示 and the other administrative actions, with the departments to choose from. */
    public record DisclosurePage(DisclosureFilters filters, List<DisclosureView> items, String nextCursor, List<Department> departments) {
    }

    public record DisclosureFilters(String department, String category, String from, String to) {

        /** The filters as the start of a query string for the next page's link, each parameter followed by {@code &}. */
        public String query() {
            return PortalPages.query("department", department, "category", category, "from", from, "to", to);
        }
    }

    private static String query(String... pairs) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                query.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8)).append('&');
            }
        }
        return query.toString();
    }

    public record Department(String uscc, String name) {
    }

    /**
     * The statistics page: each chart's ECharts option as JSON (rendered where JavaScript runs), and
     * the same figures as tables (read where it does not, and by screen readers).
     */
    public record StatisticsPage(DisclosureStatsView disclosures, String timelinessChart, List<ListMonthRow> listMonths, String listChart,
            List<WorkflowRow> workflows, String workflowChart, FinanceSummary finance, String financeChart) {

        /** Pixels for the timeliness chart: a bar of readable height per department, never less than the other charts. */
        public int timelinessHeight() {
            return Math.max(360, 60 + 28 * disclosures.departments().size());
        }
    }

    public record ListMonthRow(String month, long redIncluded, long redLeft, long blackIncluded, long blackLeft) {
    }

    public record WorkflowRow(String month, long repairs, long repairsHandled, long objections, long objectionsHandled) {
    }

    public record FinanceSummary(long demands, long loansGranted, String grantedAmount, long creditLoans, List<FinanceMonthRow> months) {
    }

    public record FinanceMonthRow(String month, long demands, long loansGranted, String grantedAmount) {
    }
}
