package cn.opencredit.gateway.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.evaluation.Grade;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.subject.SubjectType;

/** Plan and results requests read into their typed forms, every bad field named. */
class SamplingFormsTests {

    private static final String DEPARTMENT = SamplingFixtures.uscc("11", "659001", "MB000001");
    private static final SamplingPolicies.Caller BOUND = new SamplingPolicies.Caller(ApiClient.DEPARTMENT_TYPE, DEPARTMENT);
    private static final SamplingPolicies.Caller OPERATOR = new SamplingPolicies.Caller(ApiClient.OPERATOR_TYPE, null);

    private static InspectionPlanRequest request(String sector, String region, List<String> industries, List<String> types, String months,
            Map<String, InspectionPlanRequest.GradeSize> perGrade, String seed) {
        return new InspectionPlanRequest("抽查", null, "测试局", sector, region, industries, types, months == null ? null : new BigDecimal(months),
                perGrade, seed);
    }

    private static List<String> codes(Verdict verdict) {
        return verdict.errors().stream().map(e -> e.field() + " " + e.code()).toList();
    }

    @Test
    void shouldReadAValidPlanWithItsDefaults() {
        Map<String, InspectionPlanRequest.GradeSize> perGrade = new LinkedHashMap<>();
        perGrade.put("b", new InspectionPlanRequest.GradeSize(new BigDecimal("0.050"), null));
        perGrade.put("D", new InspectionPlanRequest.GradeSize(null, new BigDecimal("10")));
        SamplingForms.Form<PlanSpec> form = SamplingForms.planForm(request("食品", " 659001 ", List.of("f", "C", "C"),
                List.of("individual-business", "ENTERPRISE"), "6", perGrade, "seed 1"), BOUND);

        assertTrue(form.verdict().isAllowed(), () -> codes(form.verdict()).toString());
        PlanSpec spec = form.value();
        assertEquals(DEPARTMENT, spec.departmentUscc(), "a department draws for itself");
        assertEquals(Sector.FOOD, spec.sector());
        assertEquals(Optional.of("659001"), spec.region());
        assertEquals(List.of("C", "F"), spec.industries());
        assertEquals(List.of(SubjectType.ENTERPRISE, SubjectType.INDIVIDUAL_BUSINESS), spec.subjectTypes());
        assertEquals(6, spec.excludeInspectedWithinMonths());
        Map<Grade, PlanSpec.Sizing> sizes = new EnumMap<>(Grade.class);
        sizes.put(Grade.B, new PlanSpec.Sizing(new BigDecimal("0.05"), null));
        sizes.put(Grade.D, new PlanSpec.Sizing(null, 10));
        assertEquals(sizes, spec.sizes());
        assertEquals(Optional.of("seed 1"), spec.seed());

        PlanSpec defaults = SamplingForms.planForm(request(null, null, null, null, null, null, null), BOUND).value();
        assertEquals(Sector.GENERAL, defaults.sector());
        assertEquals(0, defaults.excludeInspectedWithinMonths());
        assertEquals(Optional.empty(), defaults.seed());
        assertTrue(defaults.sizes().isEmpty());
    }

    @Test
    void shouldNameEveryBadFieldOfAPlanAtOnce() {
        Map<String, InspectionPlanRequest.GradeSize> perGrade = new LinkedHashMap<>();
        perGrade.put("A", new InspectionPlanRequest.GradeSize(new BigDecimal("1.5"), null));
        perGrade.put("B", new InspectionPlanRequest.GradeSize(new BigDecimal("-0.1"), null));
        perGrade.put("C", new InspectionPlanRequest.GradeSize(new BigDecimal("0.1"), new BigDecimal("3")));
        perGrade.put("D", new InspectionPlanRequest.GradeSize(null, new BigDecimal("2.5")));
        perGrade.put("E", new InspectionPlanRequest.GradeSize(null, new BigDecimal("1")));
        InspectionPlanRequest bad = new InspectionPlanRequest(" ", "11659001MB0000019X", "局".repeat(201), "mining", "6590011",
                List.of("Z", "c"), List.of("company", "natural-person"), new BigDecimal("99"), perGrade, "种子");
        Verdict verdict = SamplingForms.planForm(bad, OPERATOR).verdict();

        assertEquals(ProblemType.VALIDATION_FAILED, ((Verdict.Rejected) verdict).reason().problem());
        assertEquals(List.of("title required", "departmentName too-long", "departmentUscc check-character", "sector unknown-value",
                "region format", "industries[0] unknown-value", "subjectTypes[0] unknown-value", "subjectTypes[1] not-allowed",
                "excludeInspectedWithinMonths out-of-range", "perGrade.A.ratio out-of-range", "perGrade.B.ratio out-of-range",
                "perGrade.C ratio-and-size", "perGrade.D.size format", "perGrade.E unknown-value", "seed format"), codes(verdict));

        assertEquals(List.of("departmentUscc required"), codes(SamplingForms.planForm(request(null, null, null, null, null, null, null),
                OPERATOR).verdict()), "an operator names the department that inspects");
        assertEquals(List.of("excludeInspectedWithinMonths format"), codes(SamplingForms.planForm(request(null, null, null, null, "1.5",
                null, null), BOUND).verdict()));
        assertEquals(List.of("seed format"), codes(SamplingForms.planForm(request(null, null, null, null, null, null, "x".repeat(65)),
                BOUND).verdict()));
        Map<String, InspectionPlanRequest.GradeSize> twice = new LinkedHashMap<>();
        twice.put("A", new InspectionPlanRequest.GradeSize(null, BigDecimal.ONE));
        twice.put("a", new InspectionPlanRequest.GradeSize(null, BigDecimal.ONE));
        twice.put("B", null);
        twice.put("C", new InspectionPlanRequest.GradeSize(null, null));
        assertEquals(List.of("perGrade.a duplicate", "perGrade.B required", "perGrade.C required"),
                codes(SamplingForms.planForm(request(null, null, null, null, null, twice, null), BOUND).verdict()));
    }

    @Test
    void shouldNameEveryBadResultRow() {
        LocalDate today = LocalDate.of(2026, 12, 10);
        LocalDate drawn = LocalDate.of(2026, 12, 4);
        String sampled = SamplingFixtures.uscc("91", "659001", "MA000001");
        InspectionResultsRequest bad = new InspectionResultsRequest(java.util.Arrays.asList(
                new InspectionResultsRequest.Row(sampled, "2026-12-05", "合格", null, null),
                new InspectionResultsRequest.Row(sampled, "2026-12-11", "passed", "x".repeat(2001), "号\t号"),
                new InspectionResultsRequest.Row("91659001MA0000015X", "2026-12-03", null, null, null),
                new InspectionResultsRequest.Row(null, "2026/12/05", "passed", null, null),
                null));
        Verdict verdict = SamplingForms.resultsForm(bad, today, drawn).verdict();
        assertEquals(List.of("rows[0].outcome unknown-value", "rows[1].uscc duplicate", "rows[1].inspectedOn in-the-future",
                "rows[1].findings too-long", "rows[1].decisionNumber format", "rows[2].uscc check-character", "rows[2].inspectedOn before-plan",
                "rows[2].outcome required", "rows[3].uscc required", "rows[3].inspectedOn format", "rows[4] required"), codes(verdict));

        SamplingForms.Form<List<PlanSpec.ResultRow>> good = SamplingForms.resultsForm(new InspectionResultsRequest(List.of(
                new InspectionResultsRequest.Row(sampled, "2026-12-04", "发现问题已责令改正", " 已改正 ", "石市监检〔2026〕1号"))), today, drawn);
        assertTrue(good.verdict().isAllowed());
        assertEquals(List.of(new PlanSpec.ResultRow(0, sampled, drawn, InspectionOutcome.CORRECTED, "已改正", "石市监检〔2026〕1号")), good.value());
        assertEquals(List.of("rows required"), codes(SamplingForms.resultsForm(new InspectionResultsRequest(List.of()), today, drawn).verdict()));
        assertEquals(List.of("rows required"), codes(SamplingForms.resultsForm(new InspectionResultsRequest(null), today, drawn).verdict()));
    }
}
