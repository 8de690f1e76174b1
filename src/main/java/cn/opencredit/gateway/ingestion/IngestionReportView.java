package cn.opencredit.gateway.ingestion;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.web.ApiCode;

/** What a batch did, row by row. */
@Schema(name = "IngestionReport", description = "The outcome of every row of a batch; refused rows say why, stored rows what was noticed")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestionReportView(
        @Schema(required = true, description = "Identifies the batch, e.g. in flags") String batchId,
        @Schema(required = true, enumeration = {"json", "csv", "xlsx"}) String format,
        @Schema(description = "The national template a file was read as", enumeration = {"licence", "penalty"}) String template,
        @Schema(description = "The text encoding a CSV file was decoded from", enumeration = {"utf-8", "gb18030"}) String encoding,
        @Schema(description = "Things about the whole batch the sender should know, e.g. that it was decoded from GB18030 or that "
                + "columns were ignored") List<String> notices,
        @Schema(required = true, description = "Rows received (blank spreadsheet rows not counted)") int received,
        @Schema(required = true) int created,
        @Schema(required = true, description = "Stored before, with different content now: version incremented") int updated,
        @Schema(required = true, description = "Stored before with the same content: nothing written") int unchanged,
        @Schema(required = true) int refused,
        @Schema(required = true) List<Row> rows) {

    /** What happened to one row. */
    public enum Outcome implements ApiCode {
        CREATED, UPDATED, UNCHANGED, REFUSED;

        @JsonValue
        @Override
        public String code() {
            return ApiCode.super.code();
        }
    }

    @Schema(name = "IngestionRow")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(
            @Schema(required = true, description = "1-based position in rows for JSON; the spreadsheet row for CSV and XLSX (the header "
                    + "being a row of its own)") int row,
            String sourceRecordId,
            @Schema(required = true) Outcome outcome,
            @Schema(required = true, description = "Why the row was refused; field names the JSON field or the file's column")
            List<FieldError> errors,
            @Schema(required = true, description = "Noticed on a row that was still taken: late, name-mismatch, name-under-several-codes, "
                    + "calendar-year-not-loaded, identity-number-not-kept, publication-capped") List<Flag> flags,
            @Schema(description = "双公示 timeliness; licences and penalties only") Timeliness timeliness) {
    }

    @Schema(name = "IngestionRowFlag")
    public record Flag(@Schema(required = true, examples = "name-mismatch") String code, @Schema(required = true) String message) {
    }

    @Schema(name = "IngestionTimeliness", description = "Due on the 7th working day after the decision (the decision day not counted)")
    public record Timeliness(@Schema(required = true) LocalDate dueOn,
            @Schema(required = true, description = "Working days from the day after the decision to the report date") int workingDaysToReport,
            @Schema(required = true) boolean late,
            @Schema(required = true, description = "False when a year in between is not in the loaded calendar: reckoned on plain weekdays")
            boolean calendarCovered) {
    }
}
