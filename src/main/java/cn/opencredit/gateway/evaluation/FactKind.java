package cn.opencredit.gateway.evaluation;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/**
 * Facts about a subject that its own workflows establish, beyond records and lists: a credit
 * commitment kept (信用承诺履约), a voluntary registration item a department verified (自愿注册).
 * The subject workflows record them; the model gives them points. A commitment broken is not a fact
 * but a failing record (category commitment, with its severity), published and counted as such.
 */
public enum FactKind implements ApiCode {
    COMMITMENT_KEPT("信用承诺已履行"),
    REGISTRATION_VERIFIED("自愿注册信息经核实");

    private final String nameZh;

    FactKind(String nameZh) {
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
