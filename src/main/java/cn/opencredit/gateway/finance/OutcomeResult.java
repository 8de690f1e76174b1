package cn.opencredit.gateway.finance;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** What the bank did with the loan. */
public enum OutcomeResult implements ApiCode {
    GRANTED,
    REFUSED;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
