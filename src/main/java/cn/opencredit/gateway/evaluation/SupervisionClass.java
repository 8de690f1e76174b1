package cn.opencredit.gateway.evaluation;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/**
 * 分级分类监管: how closely departments supervise a subject of a grade. Trusted subjects are left
 * in peace (诚信守法, "非请勿扰"); strictly supervised ones are inspected most often.
 */
public enum SupervisionClass implements ApiCode {
    TRUSTED("诚信守法"),
    GENERAL("一般监管"),
    FOCUSED("重点监管"),
    STRICT("严格监管");

    private final String nameZh;

    SupervisionClass(String nameZh) {
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
