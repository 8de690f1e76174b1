package cn.opencredit.gateway.commitment;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/**
 * A commitment's states. {@code OPEN} until its department reports it {@code FULFILLED} (践诺, a fact
 * of the evaluation) or {@code BREACHED} (违诺, a failing record), or {@code CANCELLED} (the procedure
 * ended without the obligation: the application was withdrawn, or the commitment reported in error).
 * A 容缺受理 commitment still open after its deadline is breached by the platform. The three outcomes
 * are final.
 */
public enum CommitmentState implements ApiCode {
    OPEN, FULFILLED, BREACHED, CANCELLED;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
