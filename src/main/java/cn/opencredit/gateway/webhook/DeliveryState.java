package cn.opencredit.gateway.webhook;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** Where one message to one endpoint stands. */
public enum DeliveryState implements ApiCode {
    /** Due, being sent, or waiting for its next retry */
    PENDING,
    /** The receiver answered 2xx */
    DELIVERED,
    /** Not accepted within the retry window */
    FAILED,
    /** Not sent: the consent that let the consumer see it no longer holds */
    CANCELLED;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
