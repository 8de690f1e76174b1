package cn.opencredit.gateway.sampling;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/**
 * What an inspection plan is about. In the four key sectors the 高青 seed names, A-grade subjects
 * are inspected like everyone else; elsewhere they are left alone ("非请勿扰").
 */
public enum Sector implements ApiCode {
    /** 一般检查事项 */
    GENERAL("一般检查事项", false),
    /** 食品 */
    FOOD("食品", true),
    /** 疫苗、药品 */
    DRUGS_AND_VACCINES("疫苗、药品", true),
    /** 特种设备 */
    SPECIAL_EQUIPMENT("特种设备", true),
    /** 危险化学品 */
    HAZARDOUS_CHEMICALS("危险化学品", true);

    private final String nameZh;
    private final boolean key;

    Sector(String nameZh, boolean key) {
        this.nameZh = nameZh;
        this.key = key;
    }

    public String nameZh() {
        return nameZh;
    }

    /** One of the sectors where even A-grade subjects are drawn. */
    boolean key() {
        return key;
    }

    @Override
    public List<String> labels() {
        return List.of(nameZh);
    }

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
