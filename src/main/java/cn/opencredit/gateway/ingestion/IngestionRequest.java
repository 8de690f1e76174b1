package cn.opencredit.gateway.ingestion;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A JSON batch: up to {@code opencredit.ingestion.max-rows} records, each checked on its own. */
@Schema(name = "IngestionBatch")
public record IngestionRequest(
        @Schema(required = true, minItems = 1, maxItems = 5000, description = "The records; at most 5 000 (configurable) per batch")
        List<IngestionRecordRequest> rows) {
}
