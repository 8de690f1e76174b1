package cn.opencredit.gateway.seed;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One generated row of {@code credit_record}. Enum names are the values the table's CHECK constraints allow.
 *
 * @param amount         in yuan; null when the decision involves no money, and then {@code currency} is null too
 * @param publishedUntil null when publication has no end (licences and most other facts)
 */
record CreditRecordRow(long subjectId, Category category, Department source, String sourceRecordId,
                       String decisionNumber, String title, LocalDate decisionDate, LocalDate reportedOn,
                       String content, String legalBasis, Severity severity, BigDecimal amount, String currency,
                       DisclosureLevel disclosureLevel, LocalDate publishedFrom, LocalDate publishedUntil,
                       Status status) {

    enum Category {
        LICENCE, PENALTY, COERCION, CONFIRMATION, LEVY, PAYMENT, ADJUDICATION, COMPENSATION, REWARD, INSPECTION,
        JUDICIAL, COMMITMENT, HONOUR, TAX_CREDIT_GRADE, INDUSTRY_RATING
    }

    enum Severity {
        MINOR, GENERAL, SERIOUS
    }

    enum DisclosureLevel {
        PUBLIC, AUTHORISED, GOVERNMENT
    }

    enum Status {
        PUBLISHED, DISPUTED, REPAIRED, REVOKED, CORRECTED
    }
}
