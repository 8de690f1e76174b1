package cn.opencredit.gateway.record;

/**
 * What a department corrects in a record after an objection; a field left null keeps its value.
 * The record keeps its id and becomes a new version (corrected), the old one stays in its history.
 */
public record RecordCorrection(String title, String decisionNumber, String content, Severity severity) {
}
