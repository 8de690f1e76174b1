package cn.opencredit.gateway.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.evaluation.Grade;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;

/** The market's rules as pure functions. */
class DemandPoliciesTests {

    private static final String USCC = "91659001MA00000152";

    private static ApiClient caller(String type, String boundUscc) {
        return new ApiClient(UUID.randomUUID(), UUID.randomUUID(), "测试", type, Set.of(), "standard", boundUscc, "rate");
    }

    private static String code(Verdict verdict) {
        return verdict.errors().isEmpty() ? null : verdict.errors().getFirst().code();
    }

    @Test
    void shouldTakeOnlyPositiveYuanToTheFen() {
        assertTrue(DemandPolicies.amountPolicy("3000000.00", "amount").isAllowed());
        assertTrue(DemandPolicies.amountPolicy("0.01", "amount").isAllowed());
        assertTrue(DemandPolicies.amountPolicy("12.300", "amount").isAllowed(), "trailing zeros are not precision");
        assertEquals("not-positive", code(DemandPolicies.amountPolicy("-1", "amount")));
        assertEquals("not-positive", code(DemandPolicies.amountPolicy("0.00", "amount")));
        assertEquals("too-precise", code(DemandPolicies.amountPolicy("0.001", "amount")));
        assertEquals("format", code(DemandPolicies.amountPolicy("1,000", "amount")));
        assertEquals("required", code(DemandPolicies.amountPolicy(" ", "amount")));
        assertEquals("out-of-range", code(DemandPolicies.amountPolicy("1000000000000000000", "amount")));
        assertEquals(new BigDecimal("12.30"), DemandPolicies.amount("12.300"));
    }

    @Test
    void shouldTakeARateBandFromZeroToAHundredPercent() {
        assertTrue(DemandPolicies.rateBandPolicy("3.45", "3.45").isAllowed());
        assertEquals(List.of("inverted-band"), DemandPolicies.rateBandPolicy("4", "3.9").errors().stream().map(FieldError::code).toList());
        assertEquals(List.of("out-of-range"), DemandPolicies.rateBandPolicy("1", "100.5").errors().stream().map(FieldError::code).toList());
        assertEquals(List.of("format", "required"), DemandPolicies.rateBandPolicy("-", null).errors().stream().map(FieldError::code).toList());
    }

    @Test
    void shouldLetAnEnterpriseActForItselfAndOperatorsForAny() {
        assertTrue(DemandPolicies.enterprisePolicy(caller(ApiClient.SUBJECT_TYPE, USCC), USCC).isAllowed());
        assertTrue(DemandPolicies.enterprisePolicy(caller(ApiClient.OPERATOR_TYPE, null), USCC).isAllowed());
        assertTrue(!DemandPolicies.enterprisePolicy(caller(ApiClient.SUBJECT_TYPE, "91659001MA0000AB0Y"), USCC).isAllowed());
        assertTrue(!DemandPolicies.enterprisePolicy(caller("BANK", null), USCC).isAllowed());
    }

    @Test
    void shouldShowADemandToItsPartiesAndTheBanksItWentTo() {
        assertEquals(Optional.of(DemandPolicies.Reader.PARTY), DemandPolicies.reader(caller(ApiClient.SUBJECT_TYPE, USCC), USCC, false, false));
        assertEquals(Optional.of(DemandPolicies.Reader.BANK), DemandPolicies.reader(caller("BANK", null), USCC, true, false));
        assertEquals(Optional.of(DemandPolicies.Reader.BANK), DemandPolicies.reader(caller("BANK", null), USCC, false, true));
        assertEquals(Optional.empty(), DemandPolicies.reader(caller("BANK", null), USCC, false, false));
        assertEquals(Optional.empty(), DemandPolicies.reader(caller("CREDIT_AGENCY", null), USCC, true, false), "demands go to banks only");
        assertEquals(Optional.empty(), DemandPolicies.reader(caller(ApiClient.SUBJECT_TYPE, "91659001MA0000AB0Y"), USCC, true, true));
    }

    @Test
    void shouldCheckWhatAnOutcomeHoldsAndWhen() {
        LocalDate today = LocalDate.of(2026, 12, 5);
        OutcomeRequest granted = new OutcomeRequest(OutcomeResult.GRANTED, "100.00", 12, "3.1", "3.1", DemandGuarantee.CREDIT, today, null);
        assertTrue(DemandPolicies.outcomePolicy(granted, today, today.minusDays(3)).isAllowed());
        assertEquals("before-demand", code(DemandPolicies.outcomePolicy(granted, today, today.plusDays(1))));
        OutcomeRequest refusal = new OutcomeRequest(OutcomeResult.REFUSED, "100.00", null, null, null, null, today.plusDays(1),
                DemandRefusalReason.OTHER);
        assertEquals(List.of("not-allowed", "in-the-future"), DemandPolicies.outcomePolicy(refusal, today, today).errors().stream()
                .map(FieldError::code).toList());
        assertTrue(!DemandPolicies.outcomeStatePolicy(1, DemandState.WITHDRAWN, OutcomeResult.GRANTED).isAllowed());
        assertTrue(DemandPolicies.outcomeStatePolicy(1, DemandState.WITHDRAWN, OutcomeResult.REFUSED).isAllowed());
    }

    @Test
    void shouldFeatureOnlyGoodAndExcellentGrades() {
        assertEquals(List.of(), FeaturedPolicies.configFaults(EnumSet.of(Grade.A)));
        assertEquals(List.of(), FeaturedPolicies.configFaults(EnumSet.of(Grade.A, Grade.B)));
        assertEquals(1, FeaturedPolicies.configFaults(EnumSet.of(Grade.A, Grade.C)).size());
        assertEquals(1, FeaturedPolicies.configFaults(EnumSet.noneOf(Grade.class)).size());
    }
}
