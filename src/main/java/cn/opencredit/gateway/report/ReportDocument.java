package cn.opencredit.gateway.report;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.evaluation.EvaluationView;
import cn.opencredit.gateway.profile.ProfileView;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.RecordView;
import cn.opencredit.gateway.shared.time.ChinaTime;

/**
 * The report as the PDF template reads it: plain maps and lists of display strings in Chinese, so
 * that the template holds layout only and needs no reflection over the API's records.
 */
final class ReportDocument {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年MM月dd日");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm");

    private ReportDocument() {
    }

    static Map<String, Object> model(ReportView report) {
        Map<String, Object> model = new LinkedHashMap<>();
        ReportView.Verification verification = report.verification();
        model.put("platform", report.platform());
        model.put("title", report.title());
        model.put("level", verification.level().nameZh());
        model.put("code", verification.code());
        model.put("url", verification.url());
        model.put("issuedAt", minute(verification.issuedAt()));
        model.put("validUntil", minute(verification.validUntil()));
        ProfileView subject = report.subject();
        model.put("name", subject.name());
        model.put("uscc", subject.uscc());
        List<List<String>> registration = new ArrayList<>();
        registration.add(List.of("主体名称", subject.name()));
        registration.add(List.of("统一社会信用代码", subject.uscc()));
        registration.add(List.of("主体类型", text(subject.subjectType() == null ? null : subject.subjectType().nameZh())));
        registration.add(List.of("法定代表人（负责人）", text(subject.legalRepresentative())));
        registration.add(List.of("行政区划代码", text(subject.regionCode())));
        registration.add(List.of("成立日期", day(subject.registeredOn())));
        registration.add(List.of("登记状态", text(subject.status() == null ? null : subject.status().nameZh())));
        registration.add(List.of("注册资本", subject.registeredCapital() == null ? "—"
                : subject.registeredCapital().amount() + " " + subject.registeredCapital().currency()));
        registration.add(List.of("住所", text(subject.address())));
        model.put("registration", registration);
        model.put("evaluation", evaluation(report.evaluation()));
        model.put("records", records(report.records()));
        model.put("memberships", subject.listMemberships().stream().map(m -> List.of(list(m.listType()), text(m.authority()), text(m.reason()),
                minute(m.includedAt()), m.expiresAt() == null ? "长期" : minute(m.expiresAt()))).toList());
        model.put("listHistory", subject.listHistory().stream().map(e -> List.of(list(e.listType()), text(e.authority()), minute(e.includedAt()),
                e.current() ? "在列" : e.removal() != null ? "已移出（" + e.removal().reason().nameZh() + "）" : "已到期")).toList());
        model.put("commitments", report.commitments().stream().map(c -> List.of(c.type().nameZh(), text(c.procedureName()), text(c.departmentName()),
                day(c.madeOn()), c.state().code())).toList());
        model.put("full", report.repairsAndObjections() != null);
        model.put("cases", report.repairsAndObjections() == null ? List.of() : report.repairsAndObjections().stream().map(e -> List.of(
                "repair".equals(e.workflow().code()) ? "信用修复" : "异议", e.caseId(), e.transition() + " → " + e.to(), minute(e.occurredAt()),
                text(e.reason()))).toList());
        return model;
    }

    private static Map<String, Object> evaluation(EvaluationView evaluation) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("present", evaluation != null);
        if (evaluation == null) {
            return model;
        }
        model.put("summary", text(evaluation.summaryZh()));
        model.put("contributions", evaluation.contributions() == null ? List.of() : evaluation.contributions().stream()
                .map(c -> List.of(text(c.source().label()), day(c.source().date()), Integer.toString(c.counted()))).toList());
        return model;
    }

    private static List<Map<String, Object>> records(Map<String, List<RecordView>> records) {
        List<Map<String, Object>> categories = new ArrayList<>();
        records.forEach((code, items) -> {
            Map<String, Object> category = new LinkedHashMap<>();
            category.put("name", categoryName(code));
            category.put("items", items.stream().map(r -> List.of(text(r.title()), text(r.decisionNumber()), day(r.decisionDate()),
                    r.sourceDepartment() == null ? "—" : text(r.sourceDepartment().name()), status(r.status()))).toList());
            categories.add(category);
        });
        return categories;
    }

    static String categoryName(String code) {
        for (RecordCategory category : RecordCategory.values()) {
            if (category.code().equals(code)) {
                return switch (category) {
                    case LICENCE -> "行政许可";
                    case PENALTY -> "行政处罚";
                    case COERCION -> "行政强制";
                    case CONFIRMATION -> "行政确认";
                    case LEVY -> "行政征收";
                    case PAYMENT -> "行政给付";
                    case ADJUDICATION -> "行政裁决";
                    case COMPENSATION -> "行政补偿";
                    case REWARD -> "行政奖励";
                    case INSPECTION -> "行政监督检查";
                    case JUDICIAL -> "司法判决与执行";
                    case COMMITMENT -> "信用承诺";
                    case HONOUR -> "表彰荣誉";
                    case TAX_CREDIT_GRADE -> "纳税信用等级";
                    case INDUSTRY_RATING -> "行业信用评价";
                    case VOLUNTARY -> "自愿注册";
                    case TAX_PAYMENT -> "纳税";
                    case SOCIAL_INSURANCE -> "社保";
                    case HOUSING_FUND -> "公积金";
                    case UTILITY_PAYMENT -> "水电气";
                };
            }
        }
        return code;
    }

    private static String status(RecordStatus status) {
        return switch (status) {
            case PUBLISHED -> "公示中";
            case DISPUTED -> "异议处理中";
            case CORRECTED -> "已更正";
            case REPAIRED -> "已信用修复";
            case REVOKED -> "已撤销";
            case EXPIRED -> "公示期满";
        };
    }

    private static String list(ListType type) {
        return switch (type) {
            case RED -> "红名单";
            case BLACK -> "严重失信主体名单";
            case WATCH -> "重点关注名单";
            case ABNORMAL -> "经营异常名录";
            case DISHONEST_DEBTOR -> "失信被执行人";
        };
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private static String day(TemporalAccessor day) {
        return day == null ? "—" : DAY.format(day);
    }

    private static String minute(OffsetDateTime at) {
        return at == null ? "—" : MINUTE.format(ChinaTime.inChina(at));
    }
}
