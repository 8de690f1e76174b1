package cn.opencredit.gateway.finance;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** Why a bank declines a demand or refuses the loan: the codes banks report, for statistics across banks. */
public enum DemandRefusalReason implements ApiCode {
    /** 不符合本行信贷政策 (industry, region, size of the enterprise) */
    OUTSIDE_LENDING_POLICY,
    /** 还款能力不足 */
    INSUFFICIENT_REPAYMENT_CAPACITY,
    /** 信用记录不良 */
    ADVERSE_CREDIT_RECORD,
    /** 资料不全 */
    INCOMPLETE_INFORMATION,
    /** 金额或期限超出可贷范围 */
    AMOUNT_OR_TERM,
    /** 其他: the note says what */
    OTHER;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
