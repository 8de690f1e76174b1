package cn.opencredit.gateway.subject;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.ApiCode;

/** 信用主体 kinds. Natural persons are modelled but carry no USCC. */
public enum SubjectType implements ApiCode {
    ENTERPRISE("企业"),
    INDIVIDUAL_BUSINESS("个体工商户"),
    FARMERS_COOPERATIVE("农民专业合作社"),
    SOCIAL_ORGANISATION("社会组织"),
    PUBLIC_INSTITUTION("事业单位"),
    GOVERNMENT_BODY("机关"),
    OTHER_ORGANISATION("其他组织"),
    NATURAL_PERSON("自然人");

    private final String nameZh;

    SubjectType(String nameZh) {
        this.nameZh = nameZh;
    }

    /** The name in Chinese, as reports and the portal print it. */
    public String nameZh() {
        return nameZh;
    }

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
