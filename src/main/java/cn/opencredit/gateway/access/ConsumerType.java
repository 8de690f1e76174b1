package cn.opencredit.gateway.access;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.web.ApiCode;

/** Who a consumer is; sets the scopes it gets when an operator names none. */
public enum ConsumerType implements ApiCode {
    /** 信用办: platform staff */
    OPERATOR(Scopes.ALL),
    /** 政府部门: a data provider */
    DEPARTMENT(List.of(Scopes.PUBLIC_READ, Scopes.INGEST_WRITE, Scopes.LISTS_WRITE, Scopes.INCENTIVE_READ, Scopes.PERSONS_READ)),
    /** 银行 (信易贷) */
    BANK(List.of(Scopes.PUBLIC_READ, Scopes.AUTHORISED_READ, Scopes.FINANCE_READ)),
    /** 征信/评级机构 */
    CREDIT_AGENCY(List.of(Scopes.PUBLIC_READ, Scopes.AUTHORISED_READ)),
    /** 信易+ apps */
    APP(List.of(Scopes.PUBLIC_READ, Scopes.INCENTIVE_READ)),
    /** An enterprise acting for itself, bound to its USCC */
    SUBJECT(List.of(Scopes.PUBLIC_READ, Scopes.SELF_READ));

    private final List<String> defaultScopes;

    ConsumerType(List<String> defaultScopes) {
        this.defaultScopes = defaultScopes;
    }

    List<String> defaultScopes() {
        return defaultScopes;
    }

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
