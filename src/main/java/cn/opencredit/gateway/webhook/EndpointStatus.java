package cn.opencredit.gateway.webhook;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** Whether an endpoint is sent to. */
public enum EndpointStatus implements ApiCode {
    /** Events are delivered */
    ENABLED,
    /** Its consumer stopped it: no new deliveries */
    DISABLED,
    /** A delivery failed for the whole retry window: nothing is attempted until its consumer enables it again */
    FAILING;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
