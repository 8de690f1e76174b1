package cn.opencredit.gateway.webhook;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an event reports; the API names them as Standard Webhooks suggests, {@code <group>.<event>}. */
public enum WebhookEventType {
    /** A failing (penalty, broken commitment …) of a watched subject is published */
    RECORD_FAILING_PUBLISHED("record.failing-published"),
    /** A watched subject is included in the black, watch, abnormal-operation or dishonest-debtor list */
    LIST_ENTRY_ADDED("list.entry-added"),
    /** A watched subject's evaluation grade drops */
    EVALUATION_GRADE_DROPPED("evaluation.grade-dropped");

    private final String code;

    WebhookEventType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
