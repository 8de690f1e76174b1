package cn.opencredit.gateway.sampling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.opencredit.gateway.evaluation.Grade;
import cn.opencredit.gateway.subject.SubjectType;

/**
 * A plan request that passed validation, in typed form.
 *
 * @param departmentUscc the department that inspects: the one named, or a department consumer's own
 * @param region         the region prefix, empty when none was named
 * @param industries     GB/T 4754 sections in order, empty for every industry
 * @param subjectTypes   in order, empty for every type
 * @param sizes          the grades the plan sizes itself
 * @param seed           the client's seed, empty when the gateway is to generate one
 */
record PlanSpec(String title, String departmentUscc, String departmentName, Sector sector, Optional<String> region, List<String> industries,
        List<SubjectType> subjectTypes, int excludeInspectedWithinMonths, Map<Grade, Sizing> sizes, Optional<String> seed) {

    /** A grade's sample: a ratio of its population, or a size. Exactly one is set. */
    record Sizing(BigDecimal ratio, Integer size) {
    }

    PlanSpec withRegion(Optional<String> scope) {
        return new PlanSpec(title, departmentUscc, departmentName, sector, scope, industries, subjectTypes, excludeInspectedWithinMonths,
                sizes, seed);
    }

    /** A validated result row; {@code index} is its position in {@code rows}. */
    record ResultRow(int index, String uscc, LocalDate inspectedOn, InspectionOutcome outcome, String findings, String decisionNumber) {
    }
}
