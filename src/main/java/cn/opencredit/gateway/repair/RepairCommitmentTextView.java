package cn.opencredit.gateway.repair;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The repair commitment every application accepts, to show before applying. */
@Schema(name = "RepairCommitmentText")
public record RepairCommitmentTextView(
        @Schema(required = true, description = "Send it back word for word in `commitment.text` with `accepted: true`",
                examples = RepairConfig.STANDARD_COMMITMENT) String text) {
}
