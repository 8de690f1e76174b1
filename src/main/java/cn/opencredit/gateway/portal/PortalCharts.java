package cn.opencredit.gateway.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.opencredit.gateway.portal.PortalPages.FinanceSummary;
import cn.opencredit.gateway.portal.PortalPages.ListMonthRow;
import cn.opencredit.gateway.portal.PortalPages.WorkflowRow;
import cn.opencredit.gateway.stats.DisclosureStatsView;

/**
 * The ECharts options of the statistics page, as JSON for a {@code <script type="application/json">}
 * block that portal/charts.js hands to {@code echarts.init(…).setOption(…)}. Built here so that the
 * script stays generic and the figures are those the tables beside the charts show.
 */
final class PortalCharts {

    private static final String RED = "#c23531";
    private static final String BLACK = "#2f4554";
    private static final String GREEN = "#3a7d44";
    private static final String BLUE = "#1f5fa8";

    private PortalCharts() {
    }

    /** 双公示 on-time rate per department, as a horizontal bar chart in percent. */
    static String timeliness(ObjectMapper json, DisclosureStatsView view) {
        List<DisclosureStatsView.DepartmentStats> timed = view.departments().stream().filter(d -> d.onTimeRate() != null).toList();
        return write(json, option(
                "grid", map("left", 8, "right", 24, "top", 16, "bottom", 8, "containLabel", true),
                "xAxis", map("type", "value", "min", 0, "max", 100, "axisLabel", map("formatter", "{value}%")),
                "yAxis", map("type", "category", "data", timed.stream().map(d -> d.department().name()).toList()),
                "series", List.of(map("name", "按时公示率", "type", "bar", "itemStyle", map("color", BLUE),
                        "data", timed.stream().map(d -> d.onTimeRate().movePointRight(2).setScale(1, RoundingMode.HALF_UP)).toList()))));
    }

    /** Red and black list inclusions and departures per month (一增一降). */
    static String lists(ObjectMapper json, List<ListMonthRow> rows) {
        return write(json, option(
                "xAxis", map("type", "category", "data", column(rows, ListMonthRow::month)),
                "yAxis", map("type", "value", "minInterval", 1),
                "series", List.of(
                        line("红名单新增", RED, column(rows, ListMonthRow::redIncluded)),
                        line("红名单移出", "#e98f8d", column(rows, ListMonthRow::redLeft)),
                        line("黑名单新增", BLACK, column(rows, ListMonthRow::blackIncluded)),
                        line("黑名单移出", "#8fa3b0", column(rows, ListMonthRow::blackLeft)))));
    }

    /** Repair applications and objections opened per month, and how many of them were handled. */
    static String workflows(ObjectMapper json, List<WorkflowRow> rows) {
        return write(json, option(
                "xAxis", map("type", "category", "data", column(rows, WorkflowRow::month)),
                "yAxis", map("type", "value", "minInterval", 1),
                "series", List.of(
                        bar("信用修复申请", GREEN, column(rows, WorkflowRow::repairs)),
                        bar("信用修复已办理", "#9cc5a1", column(rows, WorkflowRow::repairsHandled)),
                        bar("异议申诉", BLUE, column(rows, WorkflowRow::objections)),
                        bar("异议已办理", "#9db8dc", column(rows, WorkflowRow::objectionsHandled)))));
    }

    /** 信易贷 demands and granted loans per month. */
    static String finance(ObjectMapper json, FinanceSummary summary) {
        var months = summary.months();
        return write(json, option(
                "xAxis", map("type", "category", "data", months.stream().map(PortalPages.FinanceMonthRow::month).toList()),
                "yAxis", List.of(map("type", "value", "minInterval", 1), map("type", "value")),
                "series", List.of(
                        bar("融资需求", BLUE, months.stream().map(PortalPages.FinanceMonthRow::demands).toList()),
                        bar("放款笔数", GREEN, months.stream().map(PortalPages.FinanceMonthRow::loansGranted).toList()),
                        map("name", "放款金额（元，右轴）", "type", "line", "yAxisIndex", 1, "itemStyle", map("color", RED),
                                "data", months.stream().map(m -> new BigDecimal(m.grantedAmount())).toList()))));
    }

    private static Map<String, Object> option(Object... pairs) {
        Map<String, Object> option = map("tooltip", map("trigger", "axis"), "legend", map("top", 0, "type", "scroll"),
                "grid", map("left", 8, "right", 16, "top", 40, "bottom", 8, "containLabel", true), "aria", map("enabled", true));
        option.putAll(map(pairs));
        return option;
    }

    private static Map<String, Object> line(String name, String color, List<?> data) {
        return map("name", name, "type", "line", "itemStyle", map("color", color), "data", data);
    }

    private static Map<String, Object> bar(String name, String color, List<?> data) {
        return map("name", name, "type", "bar", "itemStyle", map("color", color), "data", data);
    }

    private static <T> List<Object> column(List<T> rows, Function<T, Object> value) {
        return rows.stream().map(value).toList();
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** JSON that cannot close the script element it sits in: every {@code <} is written as an escape. */
    private static String write(ObjectMapper json, Map<String, Object> option) {
        try {
            return json.writeValueAsString(option).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chart option did not serialise", e);
        }
    }
}
