package cn.opencredit.gateway.creditcheck;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A department's check of up to 1 000 subjects in one of its cases. */
@Schema(name = "CreditCheckRequest")
public record CreditCheckRequest(
        @NotBlank @Schema(required = true, examples = "government-procurement") String scenario,
        @NotNull @Schema(required = true, description = "USCCs, at most 1 000; an invalid one is answered for itself without failing the others",
                examples = "[\"91659001MA00000152\"]") List<String> subjects,
        @NotBlank @Size(max = 100) @Schema(required = true, description = "The department's case (项目编号, 审批件号 …)",
                examples = "石财采〔2026〕88号") String caseReference,
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "政府采购供应商资格审查") String purpose,
        @Schema(description = "Operators only: the department the check is made for; a department's checks are always its own",
                examples = "11659001MB0000019Q") String departmentUscc) {
}
