package cn.opencredit.gateway.timeline;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** The workflows through which subjects act for themselves and departments decide. */
public enum Workflow implements ApiCode {
    /** 自愿注册 */
    REGISTRATION,
    /** 信用承诺 and its 践诺 */
    COMMITMENT,
    /** 信用修复 */
    REPAIR,
    /** 异议 */
    OBJECTION,
    /** 授权: a subject's consent to a bank or app reading its non-public data */
    CONSENT;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
