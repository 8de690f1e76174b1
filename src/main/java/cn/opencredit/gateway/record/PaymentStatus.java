package cn.opencredit.gateway.record;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** Whether a month's tax, social insurance, housing fund or utility bill was paid (a 信易贷 record's details.paymentStatus). */
public enum PaymentStatus implements ApiCode {
    /** 已缴: paid in full by its due date */
    PAID("已缴"),
    /** 欠缴: not (fully) paid by its due date */
    ARREARS("欠缴");

    private final String label;

    PaymentStatus(String label) {
        this.label = label;
    }

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
