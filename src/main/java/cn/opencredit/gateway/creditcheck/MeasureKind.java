package cn.opencredit.gateway.creditcheck;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** 守信联合激励 or 失信联合惩戒. */
public enum MeasureKind implements ApiCode {
    INCENTIVE,
    PUNISHMENT;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
