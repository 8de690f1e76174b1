package cn.opencredit.gateway.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.creditlist.RemovalReason;
import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.PublicationPeriods;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.subject.SubjectType;

class SyntheticCreditDataTests {

    private static final LocalDate REFERENCE = LocalDate.of(2026, 11, 1);
    private static final int SAMPLE = 50_000;

    private final SyntheticCreditData data = SyntheticCreditData.of(20261123L, REFERENCE, 4);

    @Test
    void shouldGiveOnlyValidAndUniqueUsccsWhenGeneratingManySubjects() {
        Set<String> seen = new HashSet<>();
        for (long id = 1; id <= SAMPLE; id++) {
            SubjectRow subject = data.subjects().subject(id);
            assertTrue(Uscc.isValid(subject.uscc()), subject.uscc());
            assertEquals(subject.region().code(), Uscc.parse(subject.uscc()).regionCode());
            assertTrue(seen.add(subject.uscc()), "duplicate " + subject.uscc());
        }
        data.departments().all().forEach(d -> assertTrue(Uscc.isValid(d.uscc()) && d.uscc().startsWith("11"), d.uscc()));
    }

    @Test
    void shouldReproduceEveryRowWhenSeedAndDateAreTheSame() {
        SyntheticCreditData again = SyntheticCreditData.of(20261123L, REFERENCE, 4);
        for (long id = 1; id <= 2_000; id++) {
            assertEquals(data.subjects().subject(id), again.subjects().subject(id));
            assertEquals(data.records().of(data.subjects().subject(id)), again.records().of(again.subjects().subject(id)));
            assertEquals(data.listEntries().of(data.subjects().subject(id)), again.listEntries().of(again.subjects().subject(id)));
        }
    }

    @Test
    void shouldGenerateOtherDataWhenSeedDiffers() {
        SyntheticCreditData other = SyntheticCreditData.of(7L, REFERENCE, 4);
        int same = 0;
        for (long id = 1; id <= 1_000; id++) {
            if (data.subjects().subject(id).uscc().equals(other.subjects().subject(id).uscc())) {
                same++;
            }
        }
        assertTrue(same < 10, same + " of 1000 subjects coincide");
    }

    @Test
    void shouldCoverTheSeedPlacesAndEveryCategory() {
        Set<String> regions = new HashSet<>();
        Set<RecordCategory> categories = EnumSet.noneOf(RecordCategory.class);
        Set<ListType> lists = EnumSet.noneOf(ListType.class);
        Set<SubjectType> types = EnumSet.noneOf(SubjectType.class);
        for (long id = 1; id <= SAMPLE; id++) {
            SubjectRow subject = data.subjects().subject(id);
            regions.add(subject.region().code());
            types.add(subject.type());
            data.records().of(subject).forEach(r -> categories.add(r.category()));
            data.listEntries().of(subject).forEach(e -> lists.add(e.listType()));
        }
        assertTrue(regions.containsAll(List.of("410526", "410882", "441800", "410425", "370322")), regions.toString());
        assertFalse(regions.stream().anyMatch(r -> r.startsWith("65")), "region 65 is reserved for test fixtures");
        assertEquals(EnumSet.allOf(RecordCategory.class), categories);
        assertEquals(EnumSet.allOf(ListType.class), lists);
        assertEquals(GeneratedSubjectTypes.ALL, types);
    }

    @Test
    void shouldSatisfyTheSchemaConstraintsOnEveryRow() {
        Set<String> sourceKeys = new HashSet<>();
        List<String> broken = new ArrayList<>();
        for (long id = 1; id <= 20_000; id++) {
            SubjectRow subject = data.subjects().subject(id);
            for (CreditRecordRow r : data.records().of(subject)) {
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
            for (ListEntryRow e : data.listEntries().of(subject)) {
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
    void shouldShapeTheUsccByTypeWhenIssuingCodes() {
        Map<SubjectType, Set<String>> prefixes = new EnumMap<>(SubjectType.class);
        Set<String> subjectCodes = new HashSet<>();
        for (long id = 1; id <= SAMPLE; id++) {
            SubjectRow subject = data.subjects().subject(id);
            prefixes.computeIfAbsent(subject.type(), t -> new HashSet<>()).add(subject.uscc().substring(0, 2));
            subjectCodes.add(subject.uscc());
        }
        assertEquals(Set.of("91"), prefixes.get(SubjectType.ENTERPRISE));
        assertEquals(Set.of("92"), prefixes.get(SubjectType.INDIVIDUAL_BUSINESS));
        assertEquals(Set.of("93"), prefixes.get(SubjectType.FARMERS_COOPERATIVE));
        assertEquals(Set.of("51", "52", "53"), prefixes.get(SubjectType.SOCIAL_ORGANISATION));
        assertEquals(Set.of("12"), prefixes.get(SubjectType.PUBLIC_INSTITUTION));
        assertEquals(Set.of("11"), prefixes.get(SubjectType.GOVERNMENT_BODY));
        Set<String> departmentCodes = new HashSet<>();
        for (Department department : data.departments().all()) {
            assertEquals(department.region().code(), department.uscc().substring(2, 8), department.name());
            assertTrue(departmentCodes.add(department.uscc()), "duplicate " + department.uscc());
            assertFalse(subjectCodes.contains(department.uscc()), "department shares a subject's code " + department.uscc());
        }
        assertEquals(Region.ALL.size() * DepartmentKind.values().length, departmentCodes.size());
    }

    @Test
    void shouldWriteByteIdenticalCsvWhenSeedAndDateAreTheSame() throws IOException {
        byte[] first = csv(SyntheticCreditData.of(20261123L, REFERENCE, 4), 3_000);
        byte[] second = csv(SyntheticCreditData.of(20261123L, REFERENCE, 4), 3_000);
        byte[] otherDate = csv(SyntheticCreditData.of(20261123L, REFERENCE.plusDays(1), 4), 3_000);
        assertArrayEquals(first, second);
        assertNotEquals(new String(first, StandardCharsets.UTF_8), new String(otherDate, StandardCharsets.UTF_8));
    }

    /**
     * The demo, test and benchmark data sets are this generator's output: a change that moves any
     * row is a new data set, to be made on purpose. The digests are SHA-256 over the COPY CSV the
     * loader writes for the first subjects, their records and their list entries, taken at e5b5550
     * (before the generator was split by table) for the test profile's seed and reference date and
     * for a second seed with a denser record mix.
     */
    @Test
    void shouldWriteThePinnedRowsWhenGivenAKnownSeedAndDate() throws IOException {
        assertEquals(new Fingerprint(10_000, 39_993, 675,
                        "de9073240c9b05e5d668d1e0ad8a1ad1194ce61cec143efa07db6878cfae3d84",
                        "48d76492920f01aa3e37247e8733770e7279c67dc5606efd24d054944d5c8a07",
                        "19a1d8701abd9f10b06eb499e31fc83878b3053ef9178addc663e1d5d0b6d8f0"),
                Fingerprint.of(SyntheticCreditData.of(20261123L, REFERENCE, 4), 10_000));
        assertEquals(new Fingerprint(2_000, 24_577, 138,
                        "ad5c268ccd7be99d393a102ebb3f532a12b716b96a9c52f72b1db5445dbadd24",
                        "6f161f36235f0c2798c026c15b3820b4705d9b476bc9f07323dd57726e923dd4",
                        "a66f15f335a2e6d7a0876159cffeab032ee695d7cdfba9b007eeff1af86fa81a"),
                Fingerprint.of(SyntheticCreditData.of(7L, LocalDate.of(2026, 11, 30), 12.5), 2_000));
    }

    @Test
    void shouldSatisfyTheSubjectConstraintsOnEveryRow() {
        Pattern usccFormat = Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{18}$");
        Pattern regionFormat = Pattern.compile("^[0-9]{6}$");
        for (long id = 1; id <= 20_000; id++) {
            SubjectRow subject = data.subjects().subject(id);
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
                            || !PublicationPeriods.repairableFrom(r.severity(), r.decisionDate()).isAfter(REFERENCE), r.sourceRecordId());
                    assertEquals("CNY".equals(r.currency()), r.amount() != null, r.sourceRecordId());
                }
            }
        }
    }

    @Test
    void shouldKeepTheTargetSharesWhenGeneratingManySubjects() {
        Map<Severity, Integer> severities = new EnumMap<>(Severity.class);
        Map<ListType, Integer> lists = new EnumMap<>(ListType.class);
        int records = 0;
        int enterprises = 0;
        int publicRecords = 0;
        for (long id = 1; id <= SAMPLE; id++) {
            SubjectRow subject = data.subjects().subject(id);
            if (subject.type() == SubjectType.ENTERPRISE) {
                enterprises++;
            }
            for (CreditRecordRow r : data.records().of(subject)) {
                records++;
                if (r.disclosureLevel() == DisclosureLevel.PUBLIC) {
                    publicRecords++;
                }
                if (r.severity() != null) {
                    severities.merge(r.severity(), 1, Integer::sum);
                }
            }
            data.listEntries().of(subject).forEach(e -> lists.merge(e.listType(), 1, Integer::sum));
        }
        assertShare(0.64, enterprises, SAMPLE, 0.02);
        assertShare(4.0, records, SAMPLE, 0.3);
        assertShare(0.93, publicRecords, records, 0.01);
        int penalties = severities.values().stream().mapToInt(Integer::intValue).sum();
        assertShare(0.55, severities.get(Severity.MINOR), penalties, 0.02);
        assertShare(0.35, severities.get(Severity.GENERAL), penalties, 0.02);
        assertShare(0.10, severities.get(Severity.SERIOUS), penalties, 0.015);
        assertShare(0.02, lists.get(ListType.RED), SAMPLE, 0.003);
        assertShare(0.03, lists.get(ListType.ABNORMAL), SAMPLE, 0.003);
        assertShare(0.01, lists.get(ListType.WATCH), SAMPLE, 0.002);
        assertShare(0.005, lists.get(ListType.BLACK), SAMPLE, 0.0015);
        assertShare(0.005, lists.get(ListType.DISHONEST_DEBTOR), SAMPLE, 0.0015);
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

    private static void assertShare(double expected, int count, int total, double tolerance) {
        double actual = (double) count / total;
        assertTrue(Math.abs(actual - expected) <= tolerance, "share " + actual + ", expected " + expected + " ± " + tolerance);
    }

    /** Row counts and SHA-256 digests of the three COPY streams the loader writes for the first {@code subjects}. */
    private record Fingerprint(int subjects, long records, long listEntries, String subjectDigest, String recordDigest,
                               String listEntryDigest) {

        static Fingerprint of(SyntheticCreditData data, int subjects) throws IOException {
            MessageDigest subjectBytes = sha256();
            MessageDigest recordBytes = sha256();
            MessageDigest listEntryBytes = sha256();
            long records = 0;
            long listEntries = 0;
            try (Writer subjectOut = digesting(subjectBytes); Writer recordOut = digesting(recordBytes);
                 Writer listEntryOut = digesting(listEntryBytes)) {
                SeedCsv subjectCsv = new SeedCsv(subjectOut);
                SeedCsv recordCsv = new SeedCsv(recordOut);
                SeedCsv listEntryCsv = new SeedCsv(listEntryOut);
                for (long id = 1; id <= subjects; id++) {
                    SubjectRow subject = data.subjects().subject(id);
                    subjectCsv.subject(subject);
                    for (CreditRecordRow row : data.records().of(subject)) {
                        recordCsv.record(row);
                        records++;
                    }
                    for (ListEntryRow row : data.listEntries().of(subject)) {
                        listEntryCsv.listEntry(row);
                        listEntries++;
                    }
                }
            }
            return new Fingerprint(subjects, records, listEntries, hex(subjectBytes), hex(recordBytes), hex(listEntryBytes));
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new AssertionError("every JDK has SHA-256", e);
            }
        }

        private static Writer digesting(MessageDigest digest) {
            return new OutputStreamWriter(new DigestOutputStream(OutputStream.nullOutputStream(), digest), StandardCharsets.UTF_8);
        }

        private static String hex(MessageDigest digest) {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static byte[] csv(SyntheticCreditData data, int subjects) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            SeedCsv csv = new SeedCsv(writer);
            for (long id = 1; id <= subjects; id++) {
                SubjectRow subject = data.subjects().subject(id);
                csv.subject(subject);
                for (CreditRecordRow row : data.records().of(subject)) {
                    csv.record(row);
                }
                for (ListEntryRow row : data.listEntries().of(subject)) {
                    csv.listEntry(row);
                }
            }
        }
        return bytes.toByteArray();
    }
}
