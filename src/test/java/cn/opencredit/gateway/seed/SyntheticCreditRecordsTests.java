package cn.opencredit.gateway.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.PublicationPeriods;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.shared.uscc.Uscc;

class SyntheticCreditRecordsTests {

    private static final LocalDate REFERENCE = LocalDate.of(2026, 11, 1);
    private static final int SAMPLE = 50_000;

    private final SyntheticCreditData data = SyntheticCreditData.of(20261123L, REFERENCE, 4);

    @Test
    void shouldCoverEveryReportedCategoryWhenGeneratingManySubjects() {
        Set<RecordCategory> categories = EnumSet.noneOf(RecordCategory.class);
        for (long id = 1; id <= SAMPLE; id++) {
            data.records().of(data.subjects().subject(id)).forEach(r -> categories.add(r.category()));
        }
        // Voluntary records come only from the registration workflow, each with its verified item; the monthly payments banks
        // read under consent are fed by the tax, social insurance, housing fund and utility systems, not invented here.
        EnumSet<RecordCategory> generated = EnumSet.allOf(RecordCategory.class);
        generated.removeIf(category -> category == RecordCategory.VOLUNTARY || category.isMonthlyPayment());
        assertEquals(generated, categories);
    }

    @Test
    void shouldSatisfyTheSchemaConstraintsOnEveryRecord() {
        Set<String> sourceKeys = new HashSet<>();
        List<String> broken = new ArrayList<>();
        for (long id = 1; id <= 20_000; id++) {
            SubjectRow subject = data.subjects().subject(id);
            for (CreditRecordRow r : data.records().of(subject)) {
                if (r.subjectId() != subject.id()) {
                    broken.add("subject " + r.sourceRecordId());
                }
                if (r.category() == RecordCategory.PENALTY && r.severity() == null) {
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
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void shouldPublishPenaltiesForTheirSeverityPeriodWhenGeneratingRecords() {
        LocalDate threeYearsAgo = REFERENCE.minusDays(3 * 365);
        for (long id = 1; id <= 20_000; id++) {
            SubjectRow subject = data.subjects().subject(id);
            for (CreditRecordRow r : data.records().of(subject)) {
                assertFalse(r.decisionDate().isBefore(threeYearsAgo), r.sourceRecordId());
                assertFalse(r.reportedOn().isAfter(REFERENCE), r.sourceRecordId());
                assertEquals(r.decisionDate(), r.publishedFrom(), r.sourceRecordId());
                assertEquals(subject.region(), r.source().region(), r.sourceRecordId());
                assertTrue(Uscc.isValid(r.source().uscc()), r.source().uscc());
                if (r.category() == RecordCategory.LICENCE) {
                    assertNull(r.publishedUntil(), r.sourceRecordId());
                }
                if (r.category() == RecordCategory.PENALTY) {
                    assertEquals(r.decisionDate().plus(PublicationPeriods.longest(r.severity())), r.publishedUntil(),
                            r.sourceRecordId());
                    assertTrue(r.status() != RecordStatus.REPAIRED
                            || !PublicationPeriods.repairableFrom(r.severity(), r.decisionDate()).isAfter(REFERENCE),
                            r.sourceRecordId());
                    assertEquals("CNY".equals(r.currency()), r.amount() != null, r.sourceRecordId());
                }
            }
        }
    }

    @Test
    void shouldKeepTheTargetSharesWhenGeneratingManySubjects() {
        Map<Severity, Integer> severities = new EnumMap<>(Severity.class);
        int records = 0;
        int publicRecords = 0;
        for (long id = 1; id <= SAMPLE; id++) {
            for (CreditRecordRow r : data.records().of(data.subjects().subject(id))) {
                records++;
                if (r.disclosureLevel() == DisclosureLevel.PUBLIC) {
                    publicRecords++;
                }
                if (r.severity() != null) {
                    severities.merge(r.severity(), 1, Integer::sum);
                }
            }
        }
        Shares.assertShare(4.0, records, SAMPLE, 0.3);
        Shares.assertShare(0.93, publicRecords, records, 0.01);
        int penalties = severities.values().stream().mapToInt(Integer::intValue).sum();
        Shares.assertShare(0.55, severities.get(Severity.MINOR), penalties, 0.02);
        Shares.assertShare(0.35, severities.get(Severity.GENERAL), penalties, 0.02);
        Shares.assertShare(0.10, severities.get(Severity.SERIOUS), penalties, 0.015);
    }

    @Test
    void shouldGenerateNoRecordsWhenTheAverageIsZero() {
        SyntheticCreditData none = SyntheticCreditData.of(20261123L, REFERENCE, 0);
        for (long id = 1; id <= 2_000; id++) {
            assertEquals(List.of(), none.records().of(none.subjects().subject(id)));
        }
    }

    @Test
    void shouldRefuseANegativeAverageWhenCreated() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticCreditData.of(20261123L, REFERENCE, -0.5));
    }
}
