package cn.opencredit.gateway.finance;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** A financing demand: open to the banks' answers until the enterprise accepts an offer or withdraws it. */
public enum DemandState implements ApiCode {
    OPEN,
    ACCEPTED,
    WITHDRAWN;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
