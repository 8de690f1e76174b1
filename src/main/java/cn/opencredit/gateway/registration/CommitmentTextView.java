package cn.opencredit.gateway.registration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The truthfulness commitment every registration accepts, to show before submitting. */
@Schema(name = "RegistrationCommitmentText")
public record CommitmentTextView(
        @Schema(required = true, description = "Send it back word for word in `commitment.text` with `accepted: true`",
                examples = RegistrationConfig.STANDARD_COMMITMENT) String text) {
}
