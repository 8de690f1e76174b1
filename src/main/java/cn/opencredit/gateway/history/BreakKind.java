package cn.opencredit.gateway.history;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** How the history chain is broken. */
public enum BreakKind implements ApiCode {
    /** The entry's stored hash is not the hash of the previous entry's hash and its own content: it was edited */
    HASH_MISMATCH,
    /** A sequence number is missing: an entry was deleted */
    MISSING_ENTRY,
    /** The chain ends somewhere other than its recorded head */
    HEAD_MISMATCH;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
