package cn.opencredit.gateway.objection;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/**
 * An objection's states. {@code FILED} is open (the record shows disputed); every other state is
 * final: the source department corrected the record, revoked it or upheld it, or the filer withdrew.
 */
public enum ObjectionState implements ApiCode {
    FILED, CORRECTED, REVOKED, UPHELD, WITHDRAWN;

    boolean open() {
        return this == FILED;
    }

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
