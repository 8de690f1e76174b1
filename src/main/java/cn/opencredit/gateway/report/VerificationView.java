package cn.opencredit.gateway.report;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a report with this code was issued, of whom, when, at which level, until when, and whether the content presented is it. */
@Schema(name = "ReportVerification")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationView(
        @Schema(required = true, examples = "7KQ4-M2XP-9TRD-H3WB") String code,
        @Schema(required = true, examples = "true") boolean issued,
        @Schema(required = true, examples = "91659001MA00000152") String subjectUscc,
        @Schema(required = true) ReportLevel level,
        @Schema(required = true, enumeration = {"json", "pdf"}) String format,
        @Schema(required = true) OffsetDateTime issuedAt,
        @Schema(required = true) OffsetDateTime validUntil,
        @Schema(required = true, description = "validUntil has not passed") boolean valid,
        @Schema(required = true, description = "SHA-256 of the exact bytes issued, lower-case hex",
                examples = "9f2c3b1f5a0e4c7d8b6a1e2f3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7") String contentSha256,
        @Schema(required = true, examples = "48211") int contentBytes,
        @Schema(description = "Present when content or a hash was presented: whether it is the report issued (false: altered or another document)")
        Boolean contentMatches) {
}
