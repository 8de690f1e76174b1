package cn.opencredit.gateway.creditcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.creditcheck.CreditCheckView.AppliedMeasure;
import cn.opencredit.gateway.creditcheck.CreditCheckView.ListBasis;
import cn.opencredit.gateway.creditcheck.CreditCheckView.RecordBasis;
import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.evaluation.Grade;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.Severity;

/** Which measures apply to whom, as pure rules. */
class CreditCheckPoliciesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    private static Measure measure(String code, MeasureKind kind, Set<ListType> lists, Set<Grade> grades, Set<RecordCategory> categories,
            Severity severity, LocalDate validUntil) {
        return new Measure(code, code, kind, "《备忘录》", "一", lists, grades, categories, severity, Set.of(CheckScenario.BIDDING), List.of("局"),
                LocalDate.of(2016, 1, 1), validUntil, 0);
    }

    private static SubjectFacts facts(Grade grade, List<ListType> lists, List<Severity> penalties) {
        return new SubjectFacts("91659001MA00000152", "测试", grade,
                lists.stream().map(t -> new ListBasis("1", t, "法院", OffsetDateTime.now(), null, "事由")).toList(),
                penalties.stream().map(s -> new RecordBasis("2", RecordCategory.PENALTY, "处罚", null, TODAY, s, "局", null)).toList());
    }

    @Test
    void shouldApplyAMeasureTriggeredByAListAGradeOrASevereEnoughFailingOnly() {
        Measure byList = measure("P-LIST", MeasureKind.PUNISHMENT, Set.of(ListType.DISHONEST_DEBTOR), Set.of(), Set.of(), null, null);
        Measure byRecord = measure("P-RECORD", MeasureKind.PUNISHMENT, Set.of(), Set.of(), Set.of(RecordCategory.PENALTY), Severity.SERIOUS, null);
        List<Measure> catalogue = List.of(byList, byRecord);

        List<AppliedMeasure> general = CreditCheckPolicies.applicable(catalogue, CheckScenario.BIDDING, facts(Grade.C, List.of(),
                List.of(Severity.GENERAL)), TODAY);
        assertTrue(general.isEmpty(), "a general failing does not reach a measure that asks for serious ones");

        List<AppliedMeasure> both = CreditCheckPolicies.applicable(catalogue, CheckScenario.BIDDING, facts(Grade.D, List.of(ListType.DISHONEST_DEBTOR),
                List.of(Severity.SERIOUS)), TODAY);
        assertEquals(List.of("P-LIST", "P-RECORD"), both.stream().map(AppliedMeasure::code).toList());
        assertEquals(1, both.get(1).triggeredBy().records().size());
        assertNull(both.get(0).triggeredBy().grade());

        assertTrue(CreditCheckPolicies.applicable(catalogue, CheckScenario.HONOURS, facts(Grade.D, List.of(ListType.DISHONEST_DEBTOR), List.of()),
                TODAY).isEmpty(), "a measure applies only in its scenarios");
    }

    @Test
    void shouldWithholdIncentivesFromAPunishedSubjectAndIgnoreEndedMeasures() {
        Measure incentive = measure("I-A", MeasureKind.INCENTIVE, Set.of(ListType.RED), Set.of(Grade.A), Set.of(), null, null);
        Measure punishment = measure("P-WATCH", MeasureKind.PUNISHMENT, Set.of(ListType.WATCH), Set.of(), Set.of(), null, null);
        Measure ended = measure("P-ENDED", MeasureKind.PUNISHMENT, Set.of(ListType.WATCH), Set.of(), Set.of(), null, TODAY.minusDays(1));

        assertEquals(List.of("I-A"), CreditCheckPolicies.applicable(List.of(incentive, punishment, ended), CheckScenario.BIDDING,
                facts(Grade.A, List.of(ListType.RED), List.of()), TODAY).stream().map(AppliedMeasure::code).toList());
        assertEquals(List.of("P-WATCH"), CreditCheckPolicies.applicable(List.of(incentive, punishment, ended), CheckScenario.BIDDING,
                facts(Grade.A, List.of(ListType.RED, ListType.WATCH), List.of()), TODAY).stream().map(AppliedMeasure::code).toList());
    }

    @Test
    void shouldNameTheKnownScenariosAndRateChecksAgainstApprovals() {
        assertFalse(CreditCheckPolicies.scenarioPolicy("lottery").isAllowed());
        assertTrue(CreditCheckPolicies.scenarioPolicy("state-land").isAllowed());
        assertTrue(CreditCheckPolicies.knownScenarios().contains("public-employment (公职录用)"));
        assertEquals("0.7500", CreditCheckPolicies.rate(90, 120));
        assertNull(CreditCheckPolicies.rate(5, 0));
        assertNull(CreditCheckPolicies.rate(5, null));
        assertEquals("4711-0001", CreditCheckPolicies.receiptId(4711, 0));
    }
}
