package cn.opencredit.gateway.incentive;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One named condition of an eligibility rule: a rule holds when all its conditions hold, and each
 * that does not is explained on its own.
 *
 * @param measure optional CEL expression whose value an explanation shows (e.g. the number of
 *                penalties that count), besides the facts the condition names
 */
@Schema(name = "IncentiveCondition")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(
        @Schema(required = true, maxLength = 60, description = "Name of the condition, unique in its rule", examples = "no-serious-penalty")
        @NotBlank @Size(max = 60) String name,
        @Schema(required = true, maxLength = 1000, description = "CEL expression over the subject's facts that must be true",
                examples = "records.filter(r, r.category == 'penalty' && r.severityRank >= 2 && r.ageDays <= 1095).size() == 0")
        @NotBlank @Size(max = 1000) String expression,
        @Schema(required = true, maxLength = 200, description = "What the subject is told when the condition does not hold, in plain Chinese",
                examples = "近三年有一般及以上行政处罚")
        @NotBlank @Size(max = 200) String reasonZh,
        @Schema(maxLength = 1000, description = "Optional CEL expression whose value an explanation shows",
                examples = "records.filter(r, r.category == 'penalty' && r.severityRank >= 2 && r.ageDays <= 1095).size()")
        @Size(max = 1000) String measure) {
}
