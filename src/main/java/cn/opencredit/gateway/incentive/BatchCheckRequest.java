package cn.opencredit.gateway.incentive;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Subjects to check against one scenario: at most 1 000 USCCs (more is refused with 413). */
@Schema(name = "IncentiveBatchCheckRequest")
public record BatchCheckRequest(
        @Schema(required = true, maxItems = 1000, description = "USCCs of the subjects to check", examples = "[\"91659001MA00000152\"]")
        @NotEmpty List<@NotNull String> subjects) {
}
