package cn.opencredit.gateway.shared.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.opencredit.gateway.shared.problem.ProblemException;

class RegionPrefixTests {

    @Test
    void shouldBeAbsentWhenMissingOrBlank() {
        assertEquals(Optional.empty(), RegionPrefix.parse(null));
        assertEquals(Optional.empty(), RegionPrefix.parse(" \u3000"));
    }

    @Test
    void shouldFoldFullWidthDigits() {
        assertEquals("4105", RegionPrefix.parse("４１０５").orElseThrow().digits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "410", "41052", "4105260", "ab", "41-5", "41 05"})
    void shouldRefuseOtherLengthsAndCharacters(String raw) {
        ProblemException refusal = assertThrows(ProblemException.class, () -> RegionPrefix.parse(raw));
        assertEquals("region", refusal.errors().getFirst().field());
        assertEquals(400, refusal.type().status());
    }

    @Test
    void shouldMatchACountyExactlyAndAPrefixAsAHalfOpenRange() {
        List<Object> args = new ArrayList<>(List.of("first"));
        assertEquals("s.region_code = $2", RegionPrefix.parse("410526").orElseThrow().condition("s.region_code", args));
        assertEquals(List.of("first", "410526"), args);
        List<Object> range = new ArrayList<>();
        assertEquals("region_code >= $1 AND region_code < $2", RegionPrefix.parse("4109").orElseThrow().condition("region_code", range));
        assertEquals(List.of("4109", "410:"), range);
        assertTrue("41099999".compareTo("410:") < 0, "every code of the prefix sorts below the bound");
    }

    @Test
    void shouldEscapeLikeWildcards() {
        assertEquals("100\\%\\_a\\\\b", SqlArgs.escapeLike("100%_a\\b"));
    }
}
