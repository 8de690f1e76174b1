package cn.opencredit.gateway.record;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.vertx.mutiny.sqlclient.Row;

import cn.opencredit.gateway.shared.money.Money;

/** A credit record as the public sees it. */
@Schema(name = "CreditRecord", description = "One public fact about a subject from one source department")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordView(
        @Schema(examples = "1048576") String id,
        RecordCategory category,
        @Schema(examples = "滑县市场监督管理局行政处罚决定书") String title,
        @Schema(description = "决定文书号", examples = "滑市监罚〔2026〕118号") String decisionNumber,
        LocalDate decisionDate,
        @Schema(description = "The day the department reported it to the platform") LocalDate reportedOn,
        Department sourceDepartment,
        String content,
        String legalBasis,
        @Schema(description = "Only on failings (penalties and the like)") Severity severity,
        Money amount,
        LocalDate publishedFrom,
        @Schema(description = "Publication ends after this day; absent when open-ended") LocalDate publishedUntil,
        RecordStatus status,
        @Schema(description = "True while an objection against the record is under review") boolean disputed) {

    /**
     * The view of a stored record row. Every read of records (a subject's, disclosures, the change
     * feed) selects the credit_record columns under their own names; only the id and status columns
     * may be aliased, because those reads join tables that have columns of the same names.
     */
    public static RecordView fromRow(Row row, String idColumn, String statusColumn) {
        RecordStatus status = RecordStatus.valueOf(row.getString(statusColumn));
        String severity = row.getString("severity");
        return new RecordView(
                row.getLong(idColumn).toString(),
                RecordCategory.valueOf(row.getString("category")),
                row.getString("title"),
                row.getString("decision_number"),
                row.getLocalDate("decision_date"),
                row.getLocalDate("reported_on"),
                new Department(row.getString("source_department"), row.getString("source_department_uscc")),
                row.getString("content"),
                row.getString("legal_basis"),
                severity == null ? null : Severity.valueOf(severity),
                Money.of(row.getBigDecimal("amount"), row.getString("currency")),
                row.getLocalDate("published_from"),
                row.getLocalDate("published_until"),
                status,
                status == RecordStatus.DISPUTED);
    }

    /** A department identified by its own USCC (government bodies' codes start with 11). */
    @Schema(name = "Department")
    public record Department(@Schema(examples = "滑县市场监督管理局") String name, @Schema(examples = "11410526MB1C37623U") String uscc) {
    }
}
