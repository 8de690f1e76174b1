package cn.opencredit.gateway.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.shared.uscc.Uscc;

class SyntheticCreditDataTests {

    private static final LocalDate REFERENCE = LocalDate.of(2026, 11, 1);
    private static final int SAMPLE = 50_000;

    private final SyntheticCreditData data = new SyntheticCreditData(20261123L, REFERENCE, 4);

    @Test
    void shouldGiveOnlyValidAndUniqueUsccsWhenGeneratingManySubjects() {
        Set<String> seen = new HashSet<>();
        for (long id = 1; id <= SAMPLE; id++) {
            SubjectRow subject = data.subject(id);
            assertTrue(Uscc.isValid(subject.uscc()), subject.uscc());
            assertEquals(subject.region().code(), Uscc.parse(subject.uscc()).regionCode());
            assertTrue(seen.add(subject.uscc()), "duplicate " + subject.uscc());
        }
        data.departments().forEach(d -> assertTrue(Uscc.isValid(d.uscc()) && d.uscc().startsWith("11"), d.uscc()));
    }

    @Test
    void shouldReproduceEveryRowWhenSeedAndDateAreTheSame() {
        SyntheticCreditData again = new SyntheticCreditData(20261123L, REFERENCE, 4);
        for (long id = 1; id <= 2_000; id++) {
            assertEquals(data.subject(id), again.subject(id));
            assertEquals(data.records(data.subject(id)), again.records(again.subject(id)));
            assertEquals(data.listEntries(data.subject(id)), again.listEntries(again.subject(id)));
        }
    }

    @Test
    void shouldGenerateOtherDataWhenSeedDiffers() {
        SyntheticCreditData other = new SyntheticCreditData(7L, REFERENCE, 4);
        int same = 0;
        for (long id = 1; id <= 1_000; id++) {
            if (data.subject(id).uscc().equals(other.subject(id).uscc())) {
                same++;
            }
        }
        assertTrue(same < 10, same + " of 1000 subjects coincide");
    }

    @Test
    void shouldCoverTheSeedPlacesAndEveryCategory() {
        Set<String> regions = new HashSet<>();
        Set<CreditRecordRow.Category> categories = EnumSet.noneOf(CreditRecordRow.Category.class);
        Set<ListEntryRow.ListType> lists = EnumSet.noneOf(ListEntryRow.ListType.class);
        Set<SubjectRow.Type> types = EnumSet.noneOf(SubjectRow.Type.class);
        for (long id = 1; id <= SAMPLE; id++) {
            SubjectRow subject = data.subject(id);
            regions.add(subject.region().code());
            types.add(subject.type());
            data.records(subject).forEach(r -> categories.add(r.category()));
            data.listEntries(subject).forEach(e -> lists.add(e.listType()));
        }
        assertTrue(regions.containsAll(List.of("410526", "410882", "441800", "410425", "370322")), regions.toString());
        assertFalse(regions.stream().anyMatch(r -> r.startsWith("65")), "region 65 is reserved for test fixtures");
        assertEquals(EnumSet.allOf(CreditRecordRow.Category.class), categories);
        assertEquals(EnumSet.allOf(ListEntryRow.ListType.class), lists);
        assertEquals(EnumSet.allOf(SubjectRow.Type.class), types);
    }

    @Test
    void shouldSatisfyTheSchemaConstraintsOnEveryRow() {
        Set<String> sourceKeys = new HashSet<>();
        List<String> broken = new ArrayList<>();
        for (long id = 1; id <= 20_000; id++) {
            SubjectRow subject = data.subject(id);
            for (CreditRecordRow r : data.records(subject)) {
                if (r.category() == CreditRecordRow.Category.PENALTY && r.severity() == null) {
                    broken.add("penalty without severity " + r.sourceRecordId());
                }
                if (r.reportedOn().isBefore(r.decisionDate()) || r.decisionDate().isAfter(REFERENCE)) {
                    broken.add("dates " + r.sourceRecordId());
                }
                if ((r.amount() == null) != (r.currency() == null) || r.amount() != null && r.amount().signum() < 0) {
                    broken.add("amount " + r.sourceRecordId());
                }
                if (r.publishedUntil() != null && r.publishedUntil().isBefore(r.publishedFrom())) {
                    broken.add("window " + r.sourceRecordId());
                }
                if (!sourceKeys.add(r.source().uscc() + "|" + r.sourceRecordId())) {
                    broken.add("duplicate source key " + r.sourceRecordId());
                }
            }
            for (ListEntryRow e : data.listEntries(subject)) {
                if ((e.removedAt() == null) != (e.removalReason() == null)) {
                    broken.add("removal " + subject.uscc());
                }
                if (e.expiresAt() != null && !e.expiresAt().isAfter(e.includedAt())
                        || e.removedAt() != null && e.removedAt().isBefore(e.includedAt())) {
                    broken.add("list dates " + subject.uscc());
                }
            }
        }
        assertEquals(List.of(), broken);
    }
}
