package cn.opencredit.gateway.finance;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** An answer as made; an offer becomes accepted, or not chosen when the enterprise accepts another. */
public enum OfferState implements ApiCode {
    MADE,
    ACCEPTED,
    NOT_CHOSEN;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
