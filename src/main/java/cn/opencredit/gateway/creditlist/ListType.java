package cn.opencredit.gateway.creditlist;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** The lists a subject can be on. */
public enum ListType implements ApiCode {
    /** 红名单: 守信激励对象 */
    RED,
    /** 黑名单: 严重失信主体名单 */
    BLACK,
    /** 重点关注名单 */
    WATCH,
    /** 经营异常名录 */
    ABNORMAL,
    /** 失信被执行人 */
    DISHONEST_DEBTOR;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
