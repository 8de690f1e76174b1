package cn.opencredit.gateway.timeline;

import java.util.List;

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
    CONSENT,
    /** 信易贷: an enterprise opting in to (or out of) the feed of featured enterprises banks read; the case is the subject */
    FINANCE_FEATURED,
    /** 信易贷: a financing demand, the banks' answers, the enterprise's acceptance and the loan outcomes */
    FINANCE_DEMAND;

    /** The cases a department handles for a subject (自愿注册, 信用承诺, 信用修复, 异议), as the workflow statistics count them. */
    public static final List<Workflow> SUBJECT_WORKFLOWS = List.of(REGISTRATION, COMMITMENT, REPAIR, OBJECTION);

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
