package cn.opencredit.gateway.access;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Changes to a consumer; absent fields stay as they are. */
@Schema(name = "ConsumerPatch")
public record ConsumerPatchRequest(
        @Schema(examples = "premium") String plan,
        @Schema(examples = "[\"public:read\"]", maxItems = AccessPolicies.MAX_SCOPES) @Size(max = AccessPolicies.MAX_SCOPES)
        List<@NotBlank String> scopes,
        @Schema(description = "suspended stops every key of the consumer within a second") ConsumerStatus status) {
}
