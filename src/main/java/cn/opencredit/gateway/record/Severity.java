package cn.opencredit.gateway.record;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** How serious a failing is, under the 信用修复管理办法; it sets the publication period. */
public enum Severity implements ApiCode {
    MINOR("轻微"),
    GENERAL("一般"),
    SERIOUS("严重");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** As the national penalty template writes it (失信严重程度). */
    @Override
    public List<String> labels() {
        return List.of(label);
    }

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
