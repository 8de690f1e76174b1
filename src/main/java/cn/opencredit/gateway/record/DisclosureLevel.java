package cn.opencredit.gateway.record;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** Who may see a record. */
public enum DisclosureLevel implements ApiCode {
    /** 公开 */
    PUBLIC,
    /** 授权查询: consumers the subject authorised, or with a legal basis */
    AUTHORISED,
    /** 政务共享: departments only */
    GOVERNMENT;

    /** 公开, as the templates write a public record's level. */
    @Override
    public List<String> labels() {
        return this == PUBLIC ? List.of("公开") : List.of();
    }

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
