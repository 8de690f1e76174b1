package cn.opencredit.gateway.report;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** How much of the subject's data a report carries. */
public enum ReportLevel implements ApiCode {
    /** 公开版: what anyone may see */
    PUBLIC("公开版"),
    /** 完整版: with authorised records, the full evaluation and the repairs and objections; for the subject itself, a consented bank or agency, operators */
    FULL("完整版");

    private final String nameZh;

    ReportLevel(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
