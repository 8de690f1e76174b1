package cn.opencredit.gateway.incentive;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One scenario checked for many subjects, in the order asked. */
@Schema(name = "IncentiveBatchCheck")
public record BatchCheckView(
        @Schema(examples = "fast-approval") String scenario,
        long catalogueRevision,
        List<Result> results) {

    /** One subject: {@code found} false for a valid USCC of no subject; {@code error} set for an invalid one. */
    @Schema(name = "IncentiveBatchResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(
            @Schema(examples = "91659001MA00000152") String uscc,
            boolean found,
            @Schema(description = "Absent when the subject was not found or is not of a kind the scenario is for") Boolean eligible,
            List<EligibilityView.UnmetCondition> unmet,
            @Schema(description = "Why this entry was not checked", examples = "not-applicable") String error) {
    }
}
