package cn.opencredit.gateway.access;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** A suspended consumer's keys stop working at once (within the key cache's lifetime). */
public enum ConsumerStatus implements ApiCode {
    ACTIVE,
    SUSPENDED;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
