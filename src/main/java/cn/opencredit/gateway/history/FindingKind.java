package cn.opencredit.gateway.history;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.ApiCode;

/** What the integrity check found that the chain walk alone does not show. */
public enum FindingKind implements ApiCode {
    /** A row's content is not what its latest history entry recorded: it was edited with the triggers off */
    ROW_DIFFERS,
    /** A row has no history entry, or its latest entry is its deletion: it was inserted with the triggers off */
    ROW_WITHOUT_HISTORY,
    /** The history says the row exists, but it is gone: it was deleted with the triggers off */
    ROW_DELETED_WITHOUT_HISTORY,
    /** The chain passes through another hash at a signed checkpoint: it was rewritten from some entry before it */
    CHECKPOINT_MISMATCH,
    /** A stored checkpoint is signed by no published key: it was forged or altered */
    CHECKPOINT_SIGNATURE_INVALID,
    /** A signed checkpoint lies past the chain's head: the chain was cut short */
    CHECKPOINT_BEYOND_HEAD;

    @JsonValue
    @Override
    public String code() {
        return ApiCode.super.code();
    }
}
