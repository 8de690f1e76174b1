package cn.opencredit.gateway.record;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/**
 * 信用记录 categories: 双公示, the eight other administrative actions of the seeds, the other sources a
 * profile draws on, and what subjects register voluntarily.
 */
public enum RecordCategory implements ApiCode {
    /** 行政许可 */
    LICENCE,
    /** 行政处罚 */
    PENALTY,
    /** 行政强制 */
    COERCION,
    /** 行政确认 */
    CONFIRMATION,
    /** 行政征收 */
    LEVY,
    /** 行政给付 */
    PAYMENT,
    /** 行政裁决 */
    ADJUDICATION,
    /** 行政补偿 */
    COMPENSATION,
    /** 行政奖励 */
    REWARD,
    /** 行政监督检查 */
    INSPECTION,
    /** 司法判决与执行 */
    JUDICIAL,
    /** 信用承诺 */
    COMMITMENT,
    /** 表彰荣誉 */
    HONOUR,
    /** 纳税信用等级 */
    TAX_CREDIT_GRADE,
    /** 行业信用评价 */
    INDUSTRY_RATING,
    /** 自愿注册: an item the subject registered itself and a department verified; the subject is its source */
    VOLUNTARY,
    /** 纳税: a month's tax payments (details.period, details.paymentStatus), authorised level */
    TAX_PAYMENT,
    /** 社保: a month's social insurance contributions */
    SOCIAL_INSURANCE,
    /** 公积金: a month's housing fund contributions */
    HOUSING_FUND,
    /** 水电气: a month's utility payment status */
    UTILITY_PAYMENT;

    /** The monthly payment records banks read under consent (信易贷): a period, a payment status, the authorised level. */
    public boolean isMonthlyPayment() {
        return this == TAX_PAYMENT || this == SOCIAL_INSURANCE || this == HOUSING_FUND || this == UTILITY_PAYMENT;
    }

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
