package cn.opencredit.gateway.incentive;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.shared.web.SaneDate;

/** A 信易+ scenario as an operator sets it: what the benefit is, for whom, and the rule deciding who qualifies. */
@Schema(name = "IncentiveScenarioRequest")
public record ScenarioRequest(
        @Schema(required = true, maxLength = 100, examples = "信易阅") @NotBlank @Size(max = 100) String name,
        @Schema(required = true, maxLength = 100, description = "The department or company that grants the benefit", examples = "石河子市图书馆")
        @NotBlank @Size(max = 100) String provider,
        @Schema(required = true, description = "Who may qualify: enterprise, individual-business, person", examples = "[\"person\"]")
        @NotEmpty @Size(max = 3) List<@NotNull @Pattern(regexp = "enterprise|individual-business|person") String> subjectKinds,
        @Schema(required = true, maxLength = 500, description = "What the benefit is", examples = "免押金借阅图书, 最多 10 册")
        @NotBlank @Size(max = 500) String benefit,
        @Schema(required = true, format = "date", examples = "2026-01-01") @NotNull @SaneDate LocalDate validFrom,
        @Schema(format = "date", description = "Last day the scenario applies; open-ended when absent", examples = "2027-12-31") @SaneDate LocalDate validUntil,
        @Schema(required = true, description = "The eligibility rule: every condition must hold") @NotEmpty @Size(max = 20)
        List<@NotNull @Valid Condition> conditions) {
}
