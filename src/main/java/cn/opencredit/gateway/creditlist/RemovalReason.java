package cn.opencredit.gateway.creditlist;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** Why a subject was taken off a list. */
public enum RemovalReason implements ApiCode {
    /** 信用修复: the subject corrected the failing and the authority repaired its credit */
    REPAIRED("信用修复"),
    /** The publication period ended and the authority recorded it */
    EXPIRED("期满移出"),
    /** The inclusion decision was revoked (撤销) */
    REVOKED("撤销"),
    /** A court decision ordered the removal */
    COURT_DECISION("司法裁决");

    private final String nameZh;

    RemovalReason(String nameZh) {
        this.nameZh = nameZh;
    }

    /** The name in Chinese, as reports and the portal print it. */
    public String nameZh() {
        return nameZh;
    }

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
