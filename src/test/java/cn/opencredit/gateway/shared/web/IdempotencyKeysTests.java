package cn.opencredit.gateway.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.opencredit.gateway.shared.problem.ProblemException;

class IdempotencyKeysTests {

    @ParameterizedTest
    @ValueSource(strings = {"3f6c2a9e-1d47-4c8b-9a0e-5b7d1c2e4f60", "batch 2026-11-23 #1", "k"})
    void shouldTakePrintableAsciiKeys(String key) {
        assertEquals(Optional.of(key), IdempotencyKeys.read(key));
        assertEquals(Optional.of("k".repeat(200)), IdempotencyKeys.read("k".repeat(200)));
        assertEquals(Optional.empty(), IdempotencyKeys.read(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "批次1", "a\tb"})
    void shouldRefuseOtherKeysNamingTheHeader(String key) {
        ProblemException refused = assertThrows(ProblemException.class, () -> IdempotencyKeys.read(key));
        assertEquals("Idempotency-Key", refused.errors().getFirst().field());
        assertThrows(ProblemException.class, () -> IdempotencyKeys.read("k".repeat(201)));
    }
}
