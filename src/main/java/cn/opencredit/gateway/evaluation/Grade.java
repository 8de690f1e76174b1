package cn.opencredit.gateway.evaluation;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** The public credit evaluation's grades, best first: 优, 良, 中, 差. */
public enum Grade implements ApiCode {
    A("优"),
    B("良"),
    C("中"),
    D("差");

    private final String nameZh;

    Grade(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** Grades are written as their letters everywhere (A to D), as the platform's documents do. */
    @JsonValue
    @Override
    public String code() {
        return name();
    }

    /** The worse of two grades. */
    Grade worse(Grade other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
