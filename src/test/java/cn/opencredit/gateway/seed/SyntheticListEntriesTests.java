package cn.opencredit.gateway.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.creditlist.RemovalReason;
import cn.opencredit.gateway.record.PublicationPeriods;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.subject.SubjectType;

class SyntheticListEntriesTests {

    private static final LocalDate REFERENCE = LocalDate.of(2026, 11, 1);
    private static final int SAMPLE = 50_000;

    private final SyntheticCreditData data = SyntheticCreditData.of(20261123L, REFERENCE, 4);

    @Test
    void shouldCoverEveryListWhenGeneratingManySubjects() {
        Set<ListType> lists = EnumSet.noneOf(ListType.class);
        for (long id = 1; id <= SAMPLE; id++) {
            data.listEntries().of(data.subjects().subject(id)).forEach(e -> lists.add(e.listType()));
        }
        assertEquals(EnumSet.allOf(ListType.class), lists);
    }

    @Test
    void shouldSatisfyTheSchemaConstraintsOnEveryEntry() {
        List<String> broken = new ArrayList<>();
        for (long id = 1; id <= 20_000; id++) {
            SubjectRow subject = data.subjects().subject(id);
            for (ListEntryRow e : data.listEntries().of(subject)) {
                if (e.subjectId() != subject.id()) {
                    broken.add("subject " + subject.uscc());
                }
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

    @Test
    void shouldKeepTheTargetSharesWhenGeneratingManySubjects() {
        Map<ListType, Integer> lists = new EnumMap<>(ListType.class);
        for (long id = 1; id <= SAMPLE; id++) {
            data.listEntries().of(data.subjects().subject(id)).forEach(e -> lists.merge(e.listType(), 1, Integer::sum));
        }
        Shares.assertShare(0.02, lists.get(ListType.RED), SAMPLE, 0.003);
        Shares.assertShare(0.03, lists.get(ListType.ABNORMAL), SAMPLE, 0.003);
        Shares.assertShare(0.01, lists.get(ListType.WATCH), SAMPLE, 0.002);
        Shares.assertShare(0.005, lists.get(ListType.BLACK), SAMPLE, 0.0015);
        Shares.assertShare(0.005, lists.get(ListType.DISHONEST_DEBTOR), SAMPLE, 0.0015);
    }

    @Test
    void shouldNameTheLegalRepresentativeWhenAnEnterpriseIsBlackListed() {
        int blackListedEnterprises = 0;
        boolean someExpired = false;
        boolean someRemoved = false;
        for (long id = 1; id <= SAMPLE; id++) {
            SubjectRow subject = data.subjects().subject(id);
            for (ListEntryRow e : data.listEntries().of(subject)) {
                boolean blackEnterprise = e.listType() == ListType.BLACK
                        && subject.type() == SubjectType.ENTERPRISE;
                assertEquals(blackEnterprise ? subject.legalRepresentative() : null, e.legalRepresentative());
                blackListedEnterprises += blackEnterprise ? 1 : 0;
                someExpired |= e.expiresAt() != null && e.expiresAt().toLocalDate().isBefore(REFERENCE);
                someRemoved |= e.removedAt() != null;
                assertTrue(Uscc.isValid(e.authority().uscc()), e.authority().uscc());
                assertEquals(subject.region(), e.authority().region(), subject.uscc());
                assertFalse(e.includedAt().toLocalDate().isAfter(REFERENCE), subject.uscc());
                assertTrue(e.removedAt() == null || !e.removedAt().toLocalDate().isAfter(REFERENCE), subject.uscc());
            }
        }
        assertTrue(blackListedEnterprises > 0);
        assertTrue(someExpired && someRemoved);
    }

    /** The black list stands for serious failings, the watch list for general ones (creditlist's expiry policy). */
    @Test
    void shouldEndBlackAndWatchEntriesAtTheirLongestPeriodWhenGeneratingListEntries() {
        int black = 0;
        int watch = 0;
        for (long id = 1; id <= SAMPLE; id++) {
            SubjectRow subject = data.subjects().subject(id);
            for (ListEntryRow e : data.listEntries().of(subject)) {
                if (e.listType() == ListType.BLACK) {
                    black++;
                    assertEquals(e.includedAt().plus(PublicationPeriods.longest(Severity.SERIOUS)), e.expiresAt(), subject.uscc());
                    assertTrue(e.removalReason() != RemovalReason.REPAIRED
                            || !e.removedAt().isBefore(e.includedAt().plus(PublicationPeriods.shortest(Severity.SERIOUS))),
                            subject.uscc());
                }
                if (e.listType() == ListType.WATCH) {
                    watch++;
                    assertEquals(e.includedAt().plus(PublicationPeriods.longest(Severity.GENERAL)), e.expiresAt(), subject.uscc());
                }
            }
        }
        assertTrue(black > 0 && watch > 0);
    }

    @Test
    void shouldPutNoGovernmentBodyOnAListWhenGeneratingManySubjects() {
        for (long id = 1; id <= SAMPLE; id++) {
            SubjectRow subject = data.subjects().subject(id);
            if (subject.type() == SubjectType.GOVERNMENT_BODY) {
                assertEquals(List.of(), data.listEntries().of(subject), subject.uscc());
            }
        }
    }
}
