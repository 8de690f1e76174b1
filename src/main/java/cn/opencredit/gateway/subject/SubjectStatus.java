package cn.opencredit.gateway.subject;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** Registration status as the registering authority reports it. */
public enum SubjectStatus implements ApiCode {
    /** 存续 */
    ACTIVE,
    /** 吊销 */
    REVOKED,
    /** 注销 */
    CANCELLED,
    /** 迁出 */
    MOVED_OUT;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
