package cn.opencredit.gateway.sampling;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.opencredit.gateway.evaluation.Grade;

/** A member of a plan's frozen population, with the grade it had at the draw. */
@Schema(name = "InspectionPlanPopulationMember")
public record PopulationMemberView(
        @Schema(required = true, examples = "91659001MA00000152") String uscc,
        @Schema(required = true, enumeration = {"A", "B", "C", "D"}) Grade grade) {
}
