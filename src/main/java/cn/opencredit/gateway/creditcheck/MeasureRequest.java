package cn.opencredit.gateway.creditcheck;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.shared.web.SaneDate;

/** A measure as an operator stores it (created or replaced under its code). */
@Schema(name = "CreditMeasureRequest")
public record MeasureRequest(
        @NotBlank @Size(max = 100) @Schema(required = true, examples = "限制参与政府采购活动") String name,
        @NotBlank @Schema(required = true, enumeration = {"incentive", "punishment"}) String kind,
        @NotNull @Valid @Schema(required = true) Basis basis,
        @NotNull @Valid @Schema(required = true) Triggers triggers,
        @NotEmpty @Size(max = 20) @Schema(required = true, examples = "[\"government-procurement\"]") List<@NotBlank String> scenarios,
        @NotEmpty @Size(max = 30) @Schema(required = true, examples = "[\"财政局\"]") List<@NotBlank @Size(max = 100) String> departments,
        @NotNull @SaneDate @Schema(required = true, examples = "2016-01-20") LocalDate validFrom,
        @SaneDate LocalDate validUntil,
        @Schema(description = "The version read, when replacing a measure; a stale one is 409", examples = "0") Integer version) {

    public record Basis(@NotBlank @Size(max = 300) String document, @NotBlank @Size(max = 100) String clause) {
    }

    public record Triggers(@Size(max = 5) List<@NotBlank String> listTypes, @Size(max = 4) List<@NotBlank String> grades,
            @Size(max = 30) List<@NotBlank String> recordCategories, String minSeverity) {
    }
}
