package cn.opencredit.gateway.ingestion;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How an operator settled a flag. */
@Schema(name = "FlagResolution")
public record FlagResolutionRequest(
        @NotBlank @Size(max = 2000) @Schema(required = true, maxLength = 2000, description = "What was found and done",
                examples = "数据来源单位已核实：名称为简称，代码无误") String note) {
}
