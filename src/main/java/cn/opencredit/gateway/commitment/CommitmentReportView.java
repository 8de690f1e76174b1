package cn.opencredit.gateway.commitment;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.web.ApiCode;

/** What a batch of commitments did, row by row. */
@Schema(name = "CommitmentReport", description = "The outcome of every row of a batch; refused rows say why")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommitmentReportView(
        @Schema(required = true) int received,
        @Schema(required = true) int created,
        @Schema(required = true, description = "Open, reported before, with different content now: version incremented") int updated,
        @Schema(required = true, description = "Reported before with the same content: nothing written") int unchanged,
        @Schema(required = true) int refused,
        @Schema(required = true) List<Row> rows) {

    /** What happened to one row. */
    @Schema(name = "CommitmentRowOutcome")
    public enum Outcome implements ApiCode {
        CREATED, UPDATED, UNCHANGED, REFUSED;

        @JsonValue
        @Override
        public String code() {
            return ApiCode.super.code();
        }
    }

    @Schema(name = "CommitmentReportRow")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(
            @Schema(required = true, description = "1-based position in rows") int row,
            String sourceCommitmentId,
            @Schema(required = true) Outcome outcome,
            @Schema(description = "The commitment the row is, when taken", examples = "318") String commitmentId,
            @Schema(required = true, description = "Why the row was refused; field names the row's field") List<FieldError> errors) {
    }
}
