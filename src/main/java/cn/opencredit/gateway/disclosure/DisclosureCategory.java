package cn.opencredit.gateway.disclosure;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** The record categories that are administrative actions: 双公示 (licences and penalties) and the eight others. */
public enum DisclosureCategory implements ApiCode {
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
    INSPECTION;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
