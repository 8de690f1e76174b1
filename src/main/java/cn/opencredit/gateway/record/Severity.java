package cn.opencredit.gateway.record;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** How serious a failing is, under the 信用修复管理办法; it sets the publication period. */
public enum Severity implements ApiCode {
    /** 轻微 */
    MINOR,
    /** 一般 */
    GENERAL,
    /** 严重 */
    SERIOUS;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
