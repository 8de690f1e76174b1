package cn.opencredit.gateway.record;

import java.util.List;
import java.util.Map;

/**
 * What a profile shows of a subject's records: how many of each category the audience may see,
 * and the newest of them.
 *
 * @param counts visible records per category; categories without any are absent
 * @param latest the newest visible records, newest decision first
 */
public record RecordSummary(Map<RecordCategory, Long> counts, List<RecordView> latest) {
}
