package cn.opencredit.gateway.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.evaluation.Grade;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;

/** The rules of plans and results, branch by branch. */
class SamplingPoliciesTests {

    private static final String DEPARTMENT = SamplingFixtures.uscc("11", "659001", "MB000001");
    private static final SamplingPolicies.Caller BOUND = new SamplingPolicies.Caller(ApiClient.DEPARTMENT_TYPE, DEPARTMENT);
    private static final SamplingPolicies.Caller OPERATOR = new SamplingPolicies.Caller(ApiClient.OPERATOR_TYPE, null);

    private static List<String> codes(Verdict verdict) {
        return verdict.errors().stream().map(e -> e.field() + " " + e.code()).toList();
    }

    @Test
    void shouldScopeADepartmentToItsRegionWithoutTrailingZeroPairs() {
        assertEquals("65", SamplingPolicies.scopeOf(SamplingFixtures.uscc("11", "650000", "MB000001")));
        assertEquals("6590", SamplingPolicies.scopeOf(SamplingFixtures.uscc("11", "659000", "MB000001")));
        assertEquals("659001", SamplingPolicies.scopeOf(DEPARTMENT));
        assertEquals("", SamplingPolicies.scopeOf(SamplingFixtures.uscc("11", "100000", "MB000001")), "central authorities: the country");

        SamplingPolicies.Caller prefecture = new SamplingPolicies.Caller(ApiClient.DEPARTMENT_TYPE, SamplingFixtures.uscc("11", "659000", "MB000001"));
        assertEquals(Optional.of("6590"), SamplingPolicies.regionOf(prefecture, Optional.empty()));
        assertTrue(SamplingPolicies.scopePolicy(prefecture, Optional.of("6590")).isAllowed());
        assertTrue(SamplingPolicies.scopePolicy(prefecture, Optional.of("659001")).isAllowed());
        assertEquals(List.of("region other-scope"), codes(SamplingPolicies.scopePolicy(prefecture, Optional.of("65"))));
        assertEquals(List.of("region other-scope"), codes(SamplingPolicies.scopePolicy(prefecture, Optional.of("650101"))));
        assertEquals(Optional.empty(), SamplingPolicies.regionOf(OPERATOR, Optional.empty()));
        assertTrue(SamplingPolicies.scopePolicy(OPERATOR, Optional.empty()).isAllowed());
        assertTrue(SamplingPolicies.scopePolicy(OPERATOR, Optional.of("41")).isAllowed());
    }

    @Test
    void shouldLetOnlyOperatorsAndBoundDepartmentsDrawAndOnlyForThemselves() {
        assertTrue(SamplingPolicies.drawerPolicy(BOUND).isAllowed());
        assertTrue(SamplingPolicies.drawerPolicy(OPERATOR).isAllowed());
        Verdict unbound = SamplingPolicies.drawerPolicy(new SamplingPolicies.Caller(ApiClient.DEPARTMENT_TYPE, null));
        assertEquals(SamplingRejection.NOT_BOUND, ((Verdict.Rejected) unbound).reason());
        Verdict bank = SamplingPolicies.drawerPolicy(new SamplingPolicies.Caller("BANK", null));
        assertEquals(ProblemType.FORBIDDEN, ((Verdict.Rejected) bank).reason().problem());

        assertTrue(SamplingPolicies.departmentPolicy(BOUND, DEPARTMENT).isAllowed());
        assertEquals(List.of("departmentUscc other-department"), codes(SamplingPolicies.departmentPolicy(BOUND,
                SamplingFixtures.uscc("11", "659001", "MB000002"))));
        assertTrue(SamplingPolicies.departmentPolicy(OPERATOR, DEPARTMENT).isAllowed());
        assertTrue(SamplingPolicies.reporterPolicy(BOUND, 1, DEPARTMENT).isAllowed());
        assertFalse(SamplingPolicies.reporterPolicy(BOUND, 1, SamplingFixtures.uscc("11", "659001", "MB000002")).isAllowed());
        assertTrue(SamplingPolicies.reporterPolicy(OPERATOR, 1, DEPARTMENT).isAllowed());
    }

    @Test
    void shouldLeaveTrustedSubjectsAloneOutsideTheKeySectors() {
        assertTrue(SamplingPolicies.trustedExemptPolicy(Sector.GENERAL, Grade.A));
        for (Sector key : List.of(Sector.FOOD, Sector.DRUGS_AND_VACCINES, Sector.SPECIAL_EQUIPMENT, Sector.HAZARDOUS_CHEMICALS)) {
            assertFalse(SamplingPolicies.trustedExemptPolicy(key, Grade.A), key.code());
        }
        for (Grade grade : List.of(Grade.B, Grade.C, Grade.D)) {
            assertFalse(SamplingPolicies.trustedExemptPolicy(Sector.GENERAL, grade));
        }
        assertEquals(Optional.empty(), SamplingPolicies.inspectedSincePolicy(LocalDate.of(2026, 12, 4), 0));
        assertEquals(Optional.of(LocalDate.of(2026, 6, 4)), SamplingPolicies.inspectedSincePolicy(LocalDate.of(2026, 12, 4), 6));
        assertEquals(Optional.of(LocalDate.of(2026, 2, 28)), SamplingPolicies.inspectedSincePolicy(LocalDate.of(2026, 8, 31), 6));
    }

    @Test
    void shouldNeedAModelOnlyForGradesThePlanDoesNotSize() {
        Map<Grade, PlanSpec.Sizing> all = new EnumMap<>(Grade.class);
        for (Grade grade : Grade.values()) {
            all.put(grade, new PlanSpec.Sizing(null, 1));
        }
        assertTrue(SamplingPolicies.modelPolicy(all, false).isAllowed());
        assertTrue(SamplingPolicies.modelPolicy(Map.of(), true).isAllowed());
        Verdict none = SamplingPolicies.modelPolicy(Map.of(Grade.A, new PlanSpec.Sizing(null, 1)), false);
        assertEquals(SamplingRejection.NO_MODEL_IN_FORCE, ((Verdict.Rejected) none).reason());
        assertEquals(ProblemType.CONFLICT, SamplingRejection.NO_MODEL_IN_FORCE.problem());
    }

    @Test
    void shouldReportResultsOnlyForSampledSubjectsAndOnce() {
        PlanSpec.ResultRow row = new PlanSpec.ResultRow(2, SamplingFixtures.uscc("91", "659001", "MA000001"), LocalDate.of(2026, 12, 5),
                InspectionOutcome.PASSED, null, null);
        assertTrue(SamplingPolicies.inSamplePolicy(row, true, 12).isAllowed());
        assertEquals(List.of("rows[2].uscc not-in-sample"), codes(SamplingPolicies.inSamplePolicy(row, false, 12)));
        assertTrue(SamplingPolicies.reportedOncePolicy(row, false, 12).isAllowed());
        Verdict twice = SamplingPolicies.reportedOncePolicy(row, true, 12);
        assertEquals(List.of("rows[2].uscc reported-already"), codes(twice));
        assertEquals(ProblemType.CONFLICT, ((Verdict.Rejected) twice).reason().problem());
        assertEquals(List.<FieldError>of(), SamplingPolicies.inSamplePolicy(row, true, 12).errors());
    }
}
