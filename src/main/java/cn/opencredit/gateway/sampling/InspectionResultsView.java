package cn.opencredit.gateway.sampling;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sampled subjects whose results were just reported, with the inspection records they became. */
@Schema(name = "InspectionResults")
public record InspectionResultsView(
        @Schema(required = true, examples = "12") String planId,
        @Schema(required = true, description = "Results reported by this request", examples = "2") int reported,
        @Schema(required = true) List<SampleMemberView> items) {
}
