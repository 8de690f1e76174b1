package cn.opencredit.gateway.creditlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.subject.SubjectType;

class CreditListPoliciesTests {

    private static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
    private static final String DEPARTMENT = SubjectFixtures.uscc("11", "MB0L9001");
    private static final String OTHER = SubjectFixtures.uscc("11", "MB0L9002");

    @Test
    void shouldCountAnEntryAsCurrentFromInclusionUntilExpiryOrRemoval() {
        assertTrue(CreditListPolicies.currentMembership(NOW, null, null, NOW));
        assertFalse(CreditListPolicies.currentMembership(NOW.plusSeconds(1), null, null, NOW));
        assertFalse(CreditListPolicies.currentMembership(NOW.minusSeconds(60), NOW, null, NOW));
        assertTrue(CreditListPolicies.currentMembership(NOW.minusSeconds(60), NOW.plusSeconds(1), null, NOW));
        assertFalse(CreditListPolicies.currentMembership(NOW.minusSeconds(60), null, NOW.minusSeconds(1), NOW));
    }

    @Test
    void shouldBlockASecondEntryWhileTheFirstHasNotEnded() {
        assertTrue(CreditListPolicies.blocksSecondEntryPolicy(null, null, NOW));
        assertTrue(CreditListPolicies.blocksSecondEntryPolicy(NOW.plusSeconds(1), null, NOW));
        assertFalse(CreditListPolicies.blocksSecondEntryPolicy(NOW, null, NOW));
        assertFalse(CreditListPolicies.blocksSecondEntryPolicy(null, NOW.minusSeconds(1), NOW));
    }

    @Test
    void shouldLetOperatorsActForAnyAuthorityAndDepartmentsForTheirOwnOnly() {
        assertTrue(CreditListPolicies.actingAuthorityPolicy("OPERATOR", null, OTHER).isAllowed());
        assertTrue(CreditListPolicies.actingAuthorityPolicy("DEPARTMENT", DEPARTMENT, DEPARTMENT).isAllowed());
        assertRejected(CreditListRejection.OTHER_AUTHORITY, OTHER, CreditListPolicies.actingAuthorityPolicy("DEPARTMENT", DEPARTMENT, OTHER));
        assertRejected(CreditListRejection.NOT_BOUND, "bound", CreditListPolicies.actingAuthorityPolicy("DEPARTMENT", null, DEPARTMENT));
        assertRejected(CreditListRejection.NOT_A_LIST_KEEPER, "department", CreditListPolicies.actingAuthorityPolicy("BANK", null, DEPARTMENT));
    }

    @Test
    void shouldAcceptGovernmentBodiesOnlyAsAuthorities() {
        assertTrue(CreditListPolicies.authorityCodePolicy(DEPARTMENT).isAllowed());
        assertEquals(List.of("not-a-government-body"), codes(CreditListPolicies.authorityCodePolicy(SubjectFixtures.uscc("12", "MB0L9003"))));
    }

    @Test
    void shouldAllowAMinuteOfClockSkewAndRequireExpiryAfterInclusion() {
        assertTrue(CreditListPolicies.inclusionStartPolicy(NOW.plusSeconds(60), NOW).isAllowed());
        assertEquals(List.of("in-the-future"), codes(CreditListPolicies.inclusionStartPolicy(NOW.plusSeconds(61), NOW)));
        assertEquals(List.of("not-after-inclusion"), codes(CreditListPolicies.inclusionEndPolicy(NOW, NOW)));
        assertTrue(CreditListPolicies.inclusionEndPolicy(NOW.minusSeconds(10), NOW.minusSeconds(5)).isAllowed());
        assertTrue(CreditListPolicies.inclusionEndPolicy(NOW, null).isAllowed());
    }

    @Test
    void shouldLinkTheNamedOrRegisteredLegalRepresentativeOfBlackListedEnterprises() {
        Optional<String> registered = Optional.of("王建国");
        assertEquals(Optional.of("李四"), CreditListPolicies.linkedLegalRepresentative(ListType.BLACK, SubjectType.ENTERPRISE,
                Optional.of("李四"), registered));
        assertEquals(registered, CreditListPolicies.linkedLegalRepresentative(ListType.BLACK, SubjectType.ENTERPRISE, Optional.empty(), registered));
        assertEquals(Optional.empty(), CreditListPolicies.linkedLegalRepresentative(ListType.BLACK, SubjectType.SOCIAL_ORGANISATION,
                Optional.empty(), registered));
        assertEquals(Optional.empty(), CreditListPolicies.linkedLegalRepresentative(ListType.RED, SubjectType.ENTERPRISE, Optional.empty(), registered));
        assertEquals(List.of("required"), codes(CreditListPolicies.legalRepresentativeRequiredPolicy(ListType.BLACK,
                SubjectType.INDIVIDUAL_BUSINESS, Optional.empty())));
        assertTrue(CreditListPolicies.legalRepresentativeRequiredPolicy(ListType.BLACK, SubjectType.PUBLIC_INSTITUTION, Optional.empty()).isAllowed());
        assertTrue(CreditListPolicies.legalRepresentativeShownPolicy(ListType.BLACK, true));
        assertFalse(CreditListPolicies.legalRepresentativeShownPolicy(ListType.BLACK, false));
        assertFalse(CreditListPolicies.legalRepresentativeShownPolicy(ListType.WATCH, true));
    }

    @Test
    void shouldMatchSubjectNamesAcrossFullAndHalfWidthForms() {
        assertTrue(CreditListPolicies.subjectNamePolicy(Optional.of("天山(兵团)果业有限公司 "), "天山（兵团）果业有限公司").isAllowed());
        assertEquals(List.of("name-mismatch"), codes(CreditListPolicies.subjectNamePolicy(Optional.of("天山果业有限公司"), "天山（兵团）果业有限公司")));
    }

    @Test
    void shouldRecordARemovalOnceAndNotBeforeTheInclusion() {
        assertTrue(CreditListPolicies.removalPolicy(1L, NOW, null, NOW).isAllowed());
        assertRejected(CreditListRejection.ALREADY_REMOVED, "removed already", CreditListPolicies.removalPolicy(1L, NOW.minusSeconds(5),
                NOW.minusSeconds(1), NOW));
        assertRejected(CreditListRejection.NOT_IN_FORCE_YET, "takes effect only", CreditListPolicies.removalPolicy(1L, NOW.plusSeconds(5),
                null, NOW));
    }

    private static List<String> codes(Verdict verdict) {
        return verdict.errors().stream().map(FieldError::code).toList();
    }

    private static void assertRejected(CreditListRejection reason, String detailPart, Verdict verdict) {
        Verdict.Rejected rejected = assertInstanceOf(Verdict.Rejected.class, verdict);
        assertEquals(reason, rejected.reason());
        assertTrue(rejected.detail().contains(detailPart), rejected.detail());
    }

    @Test
    void shouldEndBlackAndWatchEntriesAtTheLongestPublicationOfTheirFailings() {
        java.time.OffsetDateTime included = java.time.OffsetDateTime.parse("2026-05-01T09:00:00+08:00");
        assertEquals(included.plusYears(3), CreditListPolicies.expiryPolicy(ListType.BLACK, included, null), "serious: 3 years by default");
        assertEquals(included.plusYears(3), CreditListPolicies.expiryPolicy(ListType.BLACK, included, included.plusYears(5)), "capped");
        assertEquals(included.plusYears(2), CreditListPolicies.expiryPolicy(ListType.BLACK, included, included.plusYears(2)));
        assertEquals(included.plusYears(1), CreditListPolicies.expiryPolicy(ListType.WATCH, included, included.plusYears(2)), "general: 1 year");
        assertEquals(included.plusYears(5), CreditListPolicies.expiryPolicy(ListType.RED, included, included.plusYears(5)), "not a failing");
        assertEquals(null, CreditListPolicies.expiryPolicy(ListType.ABNORMAL, included, null), "rules of its own");
    }
}
