package cn.opencredit.gateway.seed;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.Severity;

/**
 * One generated row of {@code credit_record}, with the record capability's own enums: the table
 * stores their constant names.
 *
 * @param amount         in yuan; null when the decision involves no money, and then {@code currency} is null too
 * @param publishedUntil null when publication has no end (licences and most other facts)
 * @param rating         the level of a tax credit grade or sector rating, kept as {@code details.rating}; else null
 */
record CreditRecordRow(long subjectId, RecordCategory category, Department source, String sourceRecordId,
                       String decisionNumber, String title, LocalDate decisionDate, LocalDate reportedOn,
                       String content, String legalBasis, Severity severity, BigDecimal amount, String currency,
                       DisclosureLevel disclosureLevel, LocalDate publishedFrom, LocalDate publishedUntil,
                       RecordStatus status, String rating) {
}
