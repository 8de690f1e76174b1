package cn.opencredit.gateway.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.subject.SubjectType;

class SyntheticSubjectsTests {

    private static final LocalDate REFERENCE = LocalDate.of(2026, 11, 1);
    private static final int SAMPLE = 50_000;

    private final SyntheticSubjects subjects = SyntheticCreditData.of(20261123L, REFERENCE, 4).subjects();

    @Test
    void shouldGiveOnlyValidAndUniqueUsccsWhenGeneratingManySubjects() {
        Set<String> seen = new HashSet<>();
        for (long id = 1; id <= SAMPLE; id++) {
            SubjectRow subject = subjects.subject(id);
            assertTrue(Uscc.isValid(subject.uscc()), subject.uscc());
            assertEquals(subject.region().code(), Uscc.parse(subject.uscc()).regionCode());
            assertTrue(seen.add(subject.uscc()), "duplicate " + subject.uscc());
        }
    }

    @Test
    void shouldShapeTheUsccByTypeWhenIssuingCodes() {
        Map<SubjectType, Set<String>> prefixes = new EnumMap<>(SubjectType.class);
        for (long id = 1; id <= SAMPLE; id++) {
            SubjectRow subject = subjects.subject(id);
            prefixes.computeIfAbsent(subject.type(), t -> new HashSet<>()).add(subject.uscc().substring(0, 2));
        }
        assertEquals(Set.of("91"), prefixes.get(SubjectType.ENTERPRISE));
        assertEquals(Set.of("92"), prefixes.get(SubjectType.INDIVIDUAL_BUSINESS));
        assertEquals(Set.of("93"), prefixes.get(SubjectType.FARMERS_COOPERATIVE));
        assertEquals(Set.of("51", "52", "53"), prefixes.get(SubjectType.SOCIAL_ORGANISATION));
        assertEquals(Set.of("12"), prefixes.get(SubjectType.PUBLIC_INSTITUTION));
        assertEquals(Set.of("11"), prefixes.get(SubjectType.GOVERNMENT_BODY));
    }

    @Test
    void shouldCoverTheSeedPlacesAndEveryGeneratedType() {
        Set<String> regions = new HashSet<>();
        Set<SubjectType> types = EnumSet.noneOf(SubjectType.class);
        for (long id = 1; id <= SAMPLE; id++) {
            SubjectRow subject = subjects.subject(id);
            regions.add(subject.region().code());
            types.add(subject.type());
        }
        assertTrue(regions.containsAll(List.of("410526", "410882", "441800", "410425", "370322")), regions.toString());
        assertFalse(regions.stream().anyMatch(r -> r.startsWith("65")), "region 65 is reserved for test fixtures");
        assertEquals(GeneratedSubjectTypes.ALL, types);
    }

    @Test
    void shouldSatisfyTheSubjectConstraintsOnEveryRow() {
        Pattern usccFormat = Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{18}$");
        Pattern regionFormat = Pattern.compile("^[0-9]{6}$");
        for (long id = 1; id <= 20_000; id++) {
            SubjectRow subject = subjects.subject(id);
            assertEquals(id, subject.id());
            assertTrue(usccFormat.matcher(subject.uscc()).matches(), subject.uscc());
            assertTrue(regionFormat.matcher(subject.region().code()).matches(), subject.region().code());
            assertTrue(subject.industrySection() >= 'A' && subject.industrySection() <= 'T', subject.uscc());
            assertTrue(subject.registeredCapital() == null || subject.registeredCapital().signum() >= 0, subject.uscc());
            assertTrue(subject.registeredCapital() == null || subject.registeredCapital().scale() == 2, subject.uscc());
            assertEquals(subject.type() == SubjectType.GOVERNMENT_BODY, subject.registeredCapital() == null);
            assertFalse(subject.registeredOn().isAfter(REFERENCE), subject.uscc());
            assertTrue(subject.address().startsWith(subject.region().addressPrefix()), subject.address());
            assertFalse(subject.name().isBlank() || subject.legalRepresentative().isBlank(), subject.uscc());
        }
    }

    @Test
    void shouldKeepTheTypeMixWhenGeneratingManySubjects() {
        int enterprises = 0;
        for (long id = 1; id <= SAMPLE; id++) {
            if (subjects.subject(id).type() == SubjectType.ENTERPRISE) {
                enterprises++;
            }
        }
        Shares.assertShare(0.64, enterprises, SAMPLE, 0.02);
    }
}
