package cn.opencredit.gateway.finance;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** A bank's answer to a demand: an offer, or a decline. */
public enum OfferDecision implements ApiCode {
    OFFER,
    DECLINE;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
