package cn.opencredit.gateway.finance;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** How a loan is secured. */
public enum DemandGuarantee implements ApiCode {
    /** 信用: unsecured, on the borrower's credit alone */
    CREDIT,
    /** 抵押 */
    MORTGAGE,
    /** 担保: a guarantor */
    GUARANTEE;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
