package cn.opencredit.gateway.subject;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.uscc.Uscc;
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

    /**
     * An organisation's type as GB 32100 codes it in the first two characters of its USCC (the
     * registration authority and the entity type under it).
     */
    public static SubjectType of(Uscc uscc) {
        return switch (uscc.value().substring(0, 2)) {
            case "91" -> ENTERPRISE;
            case "92" -> INDIVIDUAL_BUSINESS;
            case "93" -> FARMERS_COOPERATIVE;
            case "11" -> GOVERNMENT_BODY;
            case "12" -> PUBLIC_INSTITUTION;
            case "51", "52", "53" -> SOCIAL_ORGANISATION;
            default -> OTHER_ORGANISATION;
        };
    }

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
