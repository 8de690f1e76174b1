package cn.opencredit.gateway.changefeed;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** What a change is about. */
public enum ChangeKind implements ApiCode {
    /** 信用主体: registration data */
    SUBJECT,
    /** 信用记录 */
    RECORD,
    /** 名单条目: red, black and the other lists */
    LIST_ENTRY;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
