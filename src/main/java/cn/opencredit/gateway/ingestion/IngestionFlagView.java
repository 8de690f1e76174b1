package cn.opencredit.gateway.ingestion;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A 重错码 suspicion on a stored record, for operators to review. */
@Schema(name = "IngestionFlag", description = "A record stored under a USCC whose name disagrees with the register, or whose name is known "
        + "under other codes")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestionFlagView(
        @Schema(required = true, examples = "42") String id,
        @Schema(required = true) IngestionFlagKind kind,
        @Schema(required = true) String batchId,
        @Schema(required = true, description = "The row of the batch, as its report numbers it") int row,
        @Schema(required = true) String sourceDepartmentUscc,
        @Schema(required = true) String sourceRecordId,
        @Schema(description = "The stored credit record") String recordId,
        @Schema(required = true, description = "The USCC the row gave") String subjectUscc,
        @Schema(required = true, description = "The name the row gave") String reportedName,
        @Schema(description = "name-mismatch: the name registered under subjectUscc") String registeredName,
        @Schema(description = "name-under-several-codes: the other USCCs the name is known under") List<String> otherUsccs,
        @Schema(required = true) OffsetDateTime createdAt,
        OffsetDateTime resolvedAt,
        String resolutionNote) {
}
