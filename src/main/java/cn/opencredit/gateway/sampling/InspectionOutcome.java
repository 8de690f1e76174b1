package cn.opencredit.gateway.sampling;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** 抽查检查结果: what an inspection of a sampled subject found, as the market regulators' result categories name it. */
public enum InspectionOutcome implements ApiCode {
    /** 未发现问题 */
    PASSED("未发现问题"),
    /** 发现问题已责令改正 */
    CORRECTED("发现问题已责令改正"),
    /** 发现问题待后续处理 */
    FAILED("发现问题待后续处理"),
    /** 通过登记的住所（经营场所）无法联系 */
    NOT_FOUND("通过登记的住所（经营场所）无法联系"),
    /** 未发现开展本次抽查涉及的经营活动 */
    NO_ACTIVITY("未发现开展本次抽查涉及的经营活动"),
    /** 不配合检查 */
    REFUSED("不配合检查"),
    /** 已关闭停业或正在组织清算 */
    CLOSED("已关闭停业或正在组织清算");

    private final String nameZh;

    InspectionOutcome(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
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
