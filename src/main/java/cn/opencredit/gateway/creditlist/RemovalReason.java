package cn.opencredit.gateway.creditlist;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** Why a subject was taken off a list. */
public enum RemovalReason implements ApiCode {
    /** 信用修复: the subject corrected the failing and the authority repaired its credit */
    REPAIRED,
    /** The publication period ended and the authority recorded it */
    EXPIRED,
    /** The inclusion decision was revoked (撤销) */
    REVOKED,
    /** A court decision ordered the removal */
    COURT_DECISION;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
