package cn.opencredit.gateway.incentive;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a natural person qualifies for, as {@link EligibilityView} for an enterprise, the person named with the identity number masked. */
@Schema(name = "PersonIncentiveEligibility")
public record PersonEligibilityView(
        PersonRef person,
        @Schema(description = "The catalogue revision the answer was computed under") long catalogueRevision,
        OffsetDateTime evaluatedAt,
        List<EligibilityView.ScenarioEligibility> scenarios) {

    /** A person as answers name them: the identity number masked, never in clear. */
    @Schema(name = "IncentivePerson")
    public record PersonRef(
            @Schema(description = "The person's id at the gateway") String id,
            @Schema(examples = "张三") String name,
            @Schema(description = "Masked identity number", examples = "410526********1234") String identityNumber,
            @Schema(nullable = true, examples = "teacher") String occupation) {
    }

}
