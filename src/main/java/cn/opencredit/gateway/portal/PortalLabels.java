package cn.opencredit.gateway.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import io.quarkus.qute.TemplateExtension;

import cn.opencredit.gateway.creditlist.ListEntryView;
import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.creditlist.RemovalReason;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.subject.SubjectStatus;
import cn.opencredit.gateway.subject.SubjectType;

/** The Chinese names the portal shows for the API's codes, and the formatting its templates need. */
@TemplateExtension
final class PortalLabels {

    private PortalLabels() {
    }

    static String zh(RecordCategory category) {
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
            case INSPECTION -> "行政检查";
            case JUDICIAL -> "司法判决";
            case COMMITMENT -> "信用承诺";
            case HONOUR -> "荣誉表彰";
            case TAX_CREDIT_GRADE -> "纳税信用等级";
            case INDUSTRY_RATING -> "行业信用评价";
            case VOLUNTARY -> "自愿申报信息";
            case TAX_PAYMENT -> "纳税缴费";
            case SOCIAL_INSURANCE -> "社会保险缴纳";
            case HOUSING_FUND -> "住房公积金缴存";
            case UTILITY_PAYMENT -> "水电气缴费";
        };
    }

    static String zh(ListType type) {
        return switch (type) {
            case RED -> "红名单";
            case BLACK -> "黑名单（严重失信主体名单）";
            case WATCH -> "重点关注名单";
            case ABNORMAL -> "经营异常名录";
            case DISHONEST_DEBTOR -> "失信被执行人名单";
        };
    }

    static String zh(SubjectType type) {
        return type.nameZh();
    }

    static String zh(SubjectStatus status) {
        return status.nameZh();
    }

    static String zh(RecordStatus status) {
        return switch (status) {
            case PUBLISHED -> "公示中";
            case DISPUTED -> "异议处理中";
            case REPAIRED -> "已信用修复";
            case REVOKED -> "已撤销";
            case CORRECTED -> "已更正";
            case EXPIRED -> "公示期满";
        };
    }

    static String zh(Severity severity) {
        return severity.labels().getFirst();
    }

    static String zh(RemovalReason reason) {
        return reason.nameZh();
    }

    /** Where a list entry stands now: removed (and why), current, not yet in force, or expired. */
    static String standing(ListEntryView entry) {
        if (entry.removal() != null) {
            return "已移出（" + zh(entry.removal().reason()) + "）";
        }
        if (entry.current()) {
            return "当前有效";
        }
        return entry.includedAt().isAfter(OffsetDateTime.now()) ? "未生效" : "已到期";
    }

    /** The day (China time) of an instant. */
    static String day(OffsetDateTime at) {
        return at == null ? "" : ChinaTime.inChina(at).toLocalDate().toString();
    }

    /** A query parameter's value for a link. */
    static String url(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
