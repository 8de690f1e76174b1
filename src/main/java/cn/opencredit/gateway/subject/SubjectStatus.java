package cn.opencredit.gateway.subject;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** Registration status as the registering authority reports it. */
public enum SubjectStatus implements ApiCode {
    ACTIVE("存续"),
    REVOKED("吊销"),
    CANCELLED("注销"),
    MOVED_OUT("迁出");

    private final String nameZh;

    SubjectStatus(String nameZh) {
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
