package cn.opencredit.gateway.repair;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/**
 * A repair application's states. {@code SUBMITTED} is open, in the deciding authority's queue;
 * every other state is final: approved (the record is repaired), rejected with a reason, or
 * publication-ended (the record's longest publication period ended first, so there was nothing
 * left to repair).
 */
public enum RepairState implements ApiCode {
    SUBMITTED, APPROVED, REJECTED, PUBLICATION_ENDED;

    boolean open() {
        return this == SUBMITTED;
    }

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
