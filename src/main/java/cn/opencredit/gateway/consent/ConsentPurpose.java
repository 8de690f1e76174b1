package cn.opencredit.gateway.consent;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** What a consent lets its grantee read the data for. */
public enum ConsentPurpose implements ApiCode {
    /** A bank assessing a loan application (信易贷) */
    LOAN_APPLICATION,
    /** A bank watching a borrower after the loan (贷后监测) */
    POST_LOAN_MONITORING,
    /** An app deciding on a 信易+ benefit */
    INCENTIVE;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
