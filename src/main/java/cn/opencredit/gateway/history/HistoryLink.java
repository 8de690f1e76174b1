package cn.opencredit.gateway.history;

/**
 * One stored history entry, as the chain hashes it.
 *
 * @param recordedMicros {@code recorded_at} in microseconds since the epoch
 * @param content        the stored row as PostgreSQL prints the jsonb: keys sorted, the same text every time
 */
record HistoryLink(long sequence, String table, long rowId, String operation, long recordedMicros, String content, byte[] hash) {
}
