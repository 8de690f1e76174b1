package cn.opencredit.gateway.commitment;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A batch of commitments: up to {@code opencredit.commitment.max-rows} rows, each checked on its own. */
@Schema(name = "CommitmentBatch")
public record CommitmentBatchRequest(
        @Schema(required = true, minItems = 1, maxItems = 1000, description = "The commitments; at most 1 000 (configurable) per batch")
        List<CommitmentRowRequest> rows) {
}
