package cn.opencredit.gateway.finance;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Whether an enterprise is opted in to the featured feed, and whether its grade puts it there now. */
@Schema(name = "FeaturedStatus")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeaturedStatusView(
        @Schema(required = true, examples = "91659001MA00000152") String subjectUscc,
        @Schema(required = true) boolean optedIn,
        @Schema(examples = "2026-12-01T09:30:00+08:00") OffsetDateTime optedInAt,
        @Schema(required = true, description = "In the feed now: opted in, active, and graded as the feed requires") boolean listed,
        @Schema(required = true, description = "The grades the feed requires (opencredit.finance.market.featured-grades)",
                examples = "[\"A\"]") java.util.List<String> requiredGrades) {
}
