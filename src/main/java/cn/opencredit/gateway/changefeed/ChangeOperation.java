package cn.opencredit.gateway.changefeed;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** What a mirror does with a change: store {@code data} under the id, or drop the id. */
public enum ChangeOperation implements ApiCode {
    /** The row was created; {@code data} is its public view */
    CREATED,
    /** The row changed; {@code data} is its public view */
    UPDATED,
    /** The row is no longer public (repaired, revoked, withdrawn, publication ended or deleted): drop it; no {@code data} */
    UNPUBLISHED;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
