package cn.opencredit.gateway.ingestion;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** 重错码: why a stored record needs an operator's review. */
public enum IngestionFlagKind implements ApiCode {
    /** The USCC is valid and registered, but under another name. */
    NAME_MISMATCH,
    /** The name is registered (or reported in the same batch) under other USCCs as well. */
    NAME_UNDER_SEVERAL_CODES;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
