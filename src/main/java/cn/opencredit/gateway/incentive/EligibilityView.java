package cn.opencredit.gateway.incentive;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a subject qualifies for: every scenario of the catalogue that applies to its kind and is in
 * force today, eligible or not, and for each that it is not, the conditions it fails and why.
 */
@Schema(name = "IncentiveEligibility")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EligibilityView(
        @Schema(description = "The subject's USCC", examples = "91659001MA00000152") String uscc,
        @Schema(description = "The catalogue revision the answer was computed under") long catalogueRevision,
        OffsetDateTime evaluatedAt,
        List<ScenarioEligibility> scenarios) {

    /** One scenario for this subject. */
    @Schema(name = "IncentiveScenarioEligibility")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScenarioEligibility(
            @Schema(examples = "library-deposit-waiver") String code,
            @Schema(examples = "信易阅") String name,
            @Schema(examples = "石河子市图书馆") String provider,
            @Schema(examples = "免押金借阅图书, 最多 10 册") String benefit,
            boolean eligible,
            @Schema(description = "The conditions not met; empty when eligible") List<UnmetCondition> unmet) {
    }

    /** A condition the subject does not meet, with the facts behind it. */
    @Schema(name = "IncentiveUnmetCondition")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnmetCondition(
            @Schema(examples = "grade-a-or-b") String condition,
            @Schema(examples = "公共信用综合评价等级须为优或良") String reasonZh,
            @Schema(description = "The value of each fact the condition names", examples = "{\"grade\": \"C\"}") Map<String, Object> facts,
            @Schema(description = "The value of the condition's measure, when it has one", examples = "2") Object measured,
            @Schema(description = "Why the condition could not be evaluated for this subject, when it could not") String error) {
    }
}
