package cn.opencredit.gateway.access;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.shared.uscc.Uscc;

/** A new consumer. Scopes and plan default by type and configuration when absent. */
@Schema(name = "ConsumerRequest")
public record ConsumerRequest(
        @NotBlank @Size(max = AccessPolicies.MAX_NAME_LENGTH) @Schema(examples = "中国工商银行滑县支行", required = true) String name,
        @NotNull @Schema(required = true) ConsumerType type,
        @Schema(description = "Defaults by type: bank public:read, authorised:read and finance:read; credit-agency public:read and authorised:read; app public:read; "
                + "department public:read, ingest:write, lists:write; subject public:read and self:read; operator all",
                examples = "[\"public:read\", \"authorised:read\"]", maxItems = AccessPolicies.MAX_SCOPES)
        @Size(max = AccessPolicies.MAX_SCOPES) List<@NotBlank String> scopes,
        @Schema(description = "Rate plan name; defaults to the configured default plan", examples = "standard") String plan,
        @Schema(description = "Required for subject consumers: the USCC the enterprise acts for. Optional for department consumers: "
                + "the department's own USCC, which then limits its ingestion to records it is the data source of. Not allowed for others",
                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "914403001922038216") Uscc boundUscc) {
}
