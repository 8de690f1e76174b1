package cn.opencredit.gateway.record;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** Where a record stands in its life: objections, corrections, repairs and revocations change it, never delete it. */
public enum RecordStatus implements ApiCode {
    /** 公示中 */
    PUBLISHED,
    /** 异议处理中: shown, marked as disputed */
    DISPUTED,
    /** 已信用修复: kept in the history, no longer published */
    REPAIRED,
    /** 已撤销: no longer published */
    REVOKED,
    /** 已更正: the corrected version is published */
    CORRECTED,
    /** 公示期满: its longest publication period is over, so publication ended by itself; kept in the history */
    EXPIRED;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
