package cn.opencredit.gateway.history;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Whether today's chain still extends a kept checkpoint.
 *
 * @param signatureValid whether a published key signed the checkpoint
 * @param keyId          that key
 * @param extended       whether the entry at the checkpoint still has its hash and every link from there to the head holds
 * @param verifiedEntries links recomputed from the checkpoint to the head
 */
@Schema(name = "CheckpointVerification")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckpointVerificationView(@Schema(required = true) boolean signatureValid, String keyId, @Schema(required = true) boolean extended,
        @Schema(required = true) IntegrityView.Head head, @Schema(required = true) long verifiedEntries, @Schema(required = true) String detail) {
}
