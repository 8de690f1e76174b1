package cn.opencredit.gateway.consent;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** What a consent covers. */
public enum ConsentCategory implements ApiCode {
    /** Registration data and the public record summary */
    PROFILE,
    /** The evaluation with its score and every contribution */
    EVALUATION,
    /** Records of the authorised disclosure level */
    AUTHORISED_RECORDS,
    /** 纳税: tax payments and the tax credit grade */
    TAX,
    /** 社保: social insurance contributions */
    SOCIAL_INSURANCE,
    /** 公积金: housing fund contributions */
    HOUSING_FUND,
    /** 水电气: utility payment status */
    UTILITIES,
    /** List memberships and their history */
    LISTS,
    /** Credit commitments and their fulfilment */
    COMMITMENTS;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
