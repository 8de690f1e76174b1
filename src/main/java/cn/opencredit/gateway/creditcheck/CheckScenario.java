package cn.opencredit.gateway.creditcheck;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** Where in a department's work a credit check happens (应查必查): each measure names the scenarios it applies in. */
public enum CheckScenario implements ApiCode {
    /** 政府采购 */
    GOVERNMENT_PROCUREMENT("政府采购"),
    /** 招标投标 */
    BIDDING("招标投标"),
    /** 财政性资金 (grants, subsidies, project funds) */
    FISCAL_FUNDS("财政性资金"),
    /** 行政审批 */
    ADMINISTRATIVE_APPROVAL("行政审批"),
    /** 评优评先 */
    HONOURS("评优评先"),
    /** 国有土地出让 */
    STATE_LAND("国有土地出让"),
    /** 市场准入 */
    MARKET_ACCESS("市场准入"),
    /** 公职录用 */
    PUBLIC_EMPLOYMENT("公职录用");

    private final String nameZh;

    CheckScenario(String nameZh) {
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
