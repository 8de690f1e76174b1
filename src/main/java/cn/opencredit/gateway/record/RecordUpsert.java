package cn.opencredit.gateway.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One record as its data source reports it, to insert or to update (by department and the
 * department's own record id).
 *
 * @param publishedUntil        as reported; the record capability applies the legal publication period to it
 * @param revoked               the source revoked the decision (当前状态 无效): the record stops being published
 * @param detailsJson           template values without a column of their own, as a JSON object, or null
 * @param dueOn                 for 双公示, the seventh working day after the decision
 * @param workingDaysToReport   for 双公示, working days from the decision to the report
 * @param late                  for 双公示, whether it came after {@code dueOn}
 */
public record RecordUpsert(long subjectId, RecordCategory category, String sourceDepartment, String sourceDepartmentUscc,
        String sourceRecordId, String decisionNumber, String title, LocalDate decisionDate, LocalDate reportedOn, String content,
        String legalBasis, Severity severity, BigDecimal amount, String currency, DisclosureLevel disclosureLevel, LocalDate publishedUntil,
        boolean revoked, String issuingAuthority, String issuingAuthorityUscc, String legalRepresentative, byte[] legalRepresentativeIdHash,
        List<String> penaltyTypes, String detailsJson, LocalDate dueOn, Integer workingDaysToReport, Boolean late) {

    /** {@link RecordService#key} of this record. */
    public String key() {
        return RecordService.key(sourceDepartmentUscc, sourceRecordId);
    }
}
