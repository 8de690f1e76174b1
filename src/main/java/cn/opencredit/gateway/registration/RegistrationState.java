package cn.opencredit.gateway.registration;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/**
 * A registration item's states. {@code SUBMITTED} waits for the department; {@code VERIFIED} is
 * published as a voluntary record and counts in the evaluation until the subject withdraws it or the
 * department finds it false; {@code REJECTED}, {@code WITHDRAWN} and {@code FOUND_FALSE} are final.
 */
public enum RegistrationState implements ApiCode {
    SUBMITTED, VERIFIED, REJECTED, WITHDRAWN, FOUND_FALSE;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
