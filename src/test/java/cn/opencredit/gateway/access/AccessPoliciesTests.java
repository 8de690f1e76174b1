package cn.opencredit.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.Scopes;

/** The rules of consumers and keys, each answering a verdict. */
class AccessPoliciesTests {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T10:00:00+08:00");

    @Test
    void shouldAllowAsManyScopesInARequestAsThereAreScopes() {
        assertEquals(Scopes.ALL.size(), AccessPolicies.MAX_SCOPES, "the request's @Size bound follows the scopes");
    }

    @Test
    void shouldNameEveryUnknownScopeAndKeepSubjectsFromOperatorPowers() {
        assertTrue(AccessPolicies.scopesPolicy(ConsumerType.BANK, List.of(Scopes.PUBLIC_READ, Scopes.AUTHORISED_READ)).isAllowed());
        assertEquals(List.of("unknown-scope", "unknown-scope"), codes(AccessPolicies.scopesPolicy(ConsumerType.APP, List.of("read", "write"))));
        assertEquals(List.of("empty"), codes(AccessPolicies.scopesPolicy(ConsumerType.APP, List.of())));
        assertEquals(List.of("not-for-subjects"), codes(AccessPolicies.scopesPolicy(ConsumerType.SUBJECT, List.of(Scopes.SELF_READ, Scopes.ADMIN))));
    }

    @Test
    void shouldBindSubjectsAndWritingDepartmentsAndNobodyElse() {
        assertEquals(List.of("required"), codes(AccessPolicies.bindingPolicy(ConsumerType.SUBJECT, null, List.of(Scopes.SELF_READ))));
        assertEquals(List.of("required"), codes(AccessPolicies.bindingPolicy(ConsumerType.DEPARTMENT, null, List.of(Scopes.INGEST_WRITE))));
        assertTrue(AccessPolicies.bindingPolicy(ConsumerType.DEPARTMENT, null, List.of(Scopes.PUBLIC_READ)).isAllowed());
        assertTrue(AccessPolicies.bindingPolicy(ConsumerType.DEPARTMENT, "11659001MB0000019Q", List.of(Scopes.LISTS_WRITE)).isAllowed());
        assertEquals(List.of("not-allowed"), codes(AccessPolicies.bindingPolicy(ConsumerType.BANK, "914403001922038216", List.of())));
    }

    @Test
    void shouldKnowOnlyConfiguredPlansAndLimitKeys() {
        assertTrue(AccessPolicies.planPolicy("standard", Set.of("standard", "premium")).isAllowed());
        Verdict unknown = AccessPolicies.planPolicy("gold", Set.of("standard", "premium"));
        assertEquals("premium, standard", unknown.errors().getFirst().expected());
        assertTrue(AccessPolicies.keyCountPolicy(AccessPolicies.MAX_ACTIVE_KEYS - 1).isAllowed());
        assertEquals(List.of("too-many-keys"), codes(AccessPolicies.keyCountPolicy(AccessPolicies.MAX_ACTIVE_KEYS)));
        assertTrue(AccessPolicies.keyExpiryPolicy(null, NOW).isAllowed());
        assertEquals(List.of("in-the-past"), codes(AccessPolicies.keyExpiryPolicy(NOW, NOW)));
    }

    private static List<String> codes(Verdict verdict) {
        return verdict.errors().stream().map(FieldError::code).toList();
    }
}
