package cn.opencredit.gateway.sandbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.shared.uscc.Uscc;

/** A consumer an integrator makes for themselves in the sandbox. */
@Schema(name = "SandboxConsumerRequest")
public record SandboxConsumerRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "测试银行信易贷对接", required = true) String name,
        @NotNull @Schema(required = true, description = "Any type but operator") ConsumerType type,
        @Schema(description = "Required for subject consumers: the synthetic subject's USCC they act for; optional for departments",
                type = SchemaType.STRING, examples = "91110108MA01ABCD2X") Uscc boundUscc) {
}
