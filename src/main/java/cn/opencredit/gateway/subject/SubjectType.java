package cn.opencredit.gateway.subject;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** 信用主体 kinds. Natural persons are modelled but carry no USCC. */
public enum SubjectType implements ApiCode {
    /** 企业 */
    ENTERPRISE,
    /** 个体工商户 */
    INDIVIDUAL_BUSINESS,
    /** 农民专业合作社 */
    FARMERS_COOPERATIVE,
    /** 社会组织 */
    SOCIAL_ORGANISATION,
    /** 事业单位 */
    PUBLIC_INSTITUTION,
    /** 机关 */
    GOVERNMENT_BODY,
    /** 其他组织 */
    OTHER_ORGANISATION,
    /** 自然人 */
    NATURAL_PERSON;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
