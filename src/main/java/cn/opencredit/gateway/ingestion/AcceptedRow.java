package cn.opencredit.gateway.ingestion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.subject.NewSubject;

/**
 * A row that passed validation, in typed and normalised form.
 *
 * @param reportedOn the date the row gave, or null to keep the stored one (today for a new record)
 * @param amount     exact yuan, 万元 already converted
 * @param subject    the subject the record is about, as the row describes it; registered when unknown
 * @param details    template values without a column of their own, by English key
 */
record AcceptedRow(int number, String sourceRecordId, RecordCategory category, NewSubject subject, String legalRepresentative,
        byte[] legalRepresentativeIdHash, String decisionNumber, String title, LocalDate decisionDate, LocalDate reportedOn,
        String content, String legalBasis, Severity severity, List<String> penaltyTypes, BigDecimal amount, String currency,
        DisclosureLevel disclosureLevel, LocalDate publishedUntil, String issuingAuthority, String issuingAuthorityUscc,
        String sourceDepartment, String sourceDepartmentUscc, boolean revoked, Map<String, String> details) {
}
