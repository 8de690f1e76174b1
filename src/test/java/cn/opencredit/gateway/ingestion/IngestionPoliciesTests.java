package cn.opencredit.gateway.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;
import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.subject.NewSubject;
import cn.opencredit.gateway.subject.SubjectNames;
import cn.opencredit.gateway.subject.SubjectType;

class IngestionPoliciesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String DEPARTMENT = SubjectFixtures.uscc("11", "GJD00001");
    private static final IngestionPolicies.Sender BOUND = new IngestionPolicies.Sender("DEPARTMENT", DEPARTMENT);
    private static final IngestionPolicies.Sender OPERATOR = new IngestionPolicies.Sender("OPERATOR", null);

    private static IngestionRecordRequest penalty(String amount) {
        return new IngestionRecordRequest("r-1", "penalty", "石河子归集有限公司", SubjectFixtures.uscc("91", "GJ000001"), "法人及非法人组织",
                null, null, "王强", null, null, "石交罚〔2026〕1号", "行政处罚决定书", "2026-11-02", null, "罚款", null, "一般", null, amount,
                null, null, null, null, null, "石河子市交通运输局", DEPARTMENT, null, null, null, null);
    }

    @ParameterizedTest
    @CsvSource({"2026-09-30, 2026-09-30", "2026/9/30, 2026-09-30", "2026.09.30, 2026-09-30", "2026年9月30日, 2026-09-30",
            "20260930, 2026-09-30", "2026-09-30 00:00:00, 2026-09-30", "2026/9/30 8:05, 2026-09-30", "２０２６－０９－３０, 2026-09-30", "2028-02-29, 2028-02-29",
            "' 2026-09-30 ', 2026-09-30"})
    void shouldReadTheDatesSpreadsheetsHold(String raw, LocalDate expected) {
        assertEquals(Optional.of(expected), IngestionPolicies.parseDate(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30/09/2026", "2026-02-30", "2026-13-01", "2026-00-10", "2027-02-29", "2026-09-3x", "2026_09-30", "昨天", "2026-9", ""})
    void shouldNotGuessAtOtherDates(String raw) {
        assertEquals(Optional.empty(), IngestionPolicies.parseDate(raw));
    }

    @Test
    void shouldLetOnlyBoundDepartmentsAndOperatorsSend() {
        assertTrue(IngestionPolicies.senderPolicy(OPERATOR).isAllowed());
        assertTrue(IngestionPolicies.senderPolicy(BOUND).isAllowed());
        assertEquals(IngestionRejection.NOT_BOUND,
                ((Verdict.Rejected) IngestionPolicies.senderPolicy(new IngestionPolicies.Sender("DEPARTMENT", null))).reason());
        assertEquals(IngestionRejection.NOT_A_DEPARTMENT, ((Verdict.Rejected) IngestionPolicies.senderPolicy(new IngestionPolicies.Sender("BANK", null))).reason());
        assertTrue(IngestionPolicies.ownRecordPolicy(BOUND, DEPARTMENT, "x").isAllowed());
        assertEquals("not-your-department", IngestionPolicies.ownRecordPolicy(BOUND, SubjectFixtures.DEPARTMENT_USCC, "x").errors().getFirst().code());
        assertTrue(IngestionPolicies.ownRecordPolicy(OPERATOR, SubjectFixtures.DEPARTMENT_USCC, "x").isAllowed());
    }


    @Test
    void shouldCountTimelinessFromTheDayAfterTheDecision() {
        WorkdayCalendar calendar = shippedCalendar();
        IngestionReportView.Timeliness late = IngestionPolicies.timelinessPolicy(RecordCategory.PENALTY, LocalDate.parse("2026-09-30"),
                LocalDate.parse("2026-10-16"), calendar).orElseThrow();
        assertEquals(new IngestionReportView.Timeliness(LocalDate.parse("2026-10-15"), 8, true, true), late);
        assertEquals(new IngestionReportView.Timeliness(LocalDate.parse("2026-10-15"), 3, false, true), IngestionPolicies.timelinessPolicy(
                RecordCategory.LICENCE, LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-10"), calendar).orElseThrow());
        assertEquals(new IngestionReportView.Timeliness(LocalDate.parse("2026-11-13"), 7, true, true), IngestionPolicies.timelinessPolicy(
                RecordCategory.LICENCE, LocalDate.parse("2026-11-04"), LocalDate.parse("2026-11-14"), calendar).orElseThrow(),
                "the Saturday after a Friday due date is late though no working day passed");
        assertFalse(IngestionPolicies.timelinessPolicy(RecordCategory.PENALTY, LocalDate.parse("2026-12-28"), LocalDate.parse("2026-12-29"),
                calendar).orElseThrow().calendarCovered(), "the due date falls in 2027, which is not loaded");
        assertEquals(Optional.empty(), IngestionPolicies.timelinessPolicy(RecordCategory.INSPECTION, LocalDate.parse("2026-09-30"),
                LocalDate.parse("2026-10-16"), calendar));
    }

    @Test
    void shouldFoldNamesBeforeComparingThem() {
        assertEquals(SubjectNames.key("石河子天山（兵团）果业有限公司"), SubjectNames.key(" 石河子天山(兵团)果业\u3000有限公司 "));
        assertEquals(SubjectNames.key("ＡＢＣ科技"), SubjectNames.key("ABC 科技"));
        assertFalse(SubjectNames.key("石河子天山果业有限公司").equals(SubjectNames.key("石河子天山果业公司")));
    }

    @Test
    void shouldFlagMismatchesAndSharedNamesButNotSpellingVariants() {
        String known = SubjectFixtures.uscc("91", "GJ000010");
        String other = SubjectFixtures.uscc("91", "GJ000011");
        AcceptedRow variant = accepted(1, known, "石河子天山（兵团）果业 有限公司");
        AcceptedRow wrong = accepted(2, known, "石河子天山果业公司");
        AcceptedRow shared = accepted(3, other, "石河子天山(兵团)果业有限公司");
        List<IngestionPolicies.NameFlag> flags = IngestionPolicies.duplicateCodePolicy(List.of(variant, wrong, shared),
                Map.of(known, "石河子天山(兵团)果业有限公司"), Map.of(SubjectNames.key("石河子天山(兵团)果业有限公司"), Set.of(known)),
                Map.of("石河子天山果业公司", SubjectNames.key("石河子天山果业公司")));
        assertEquals(List.of("1:NAME_UNDER_SEVERAL_CODES", "2:NAME_MISMATCH", "3:NAME_UNDER_SEVERAL_CODES"),
                flags.stream().map(f -> f.row().number() + ":" + f.kind()).toList());
        assertEquals(List.of(other), flags.getFirst().otherUsccs());
        assertEquals("石河子天山(兵团)果业有限公司", flags.get(1).registeredName());
        assertEquals(List.of(known), flags.get(2).otherUsccs());
    }

    @Test
    void shouldRefuseTheSecondRowOfTheSameRecord() {
        IncomingRow first = IncomingRow.json(1, penalty("1"));
        IncomingRow second = IncomingRow.json(2, penalty("2"));
        List<IngestionPolicies.Checked> checked = IngestionPolicies.uniqueRecordPolicy(List.of(first, second),
                List.of(RowValidation.check(first, BOUND, TODAY, null), RowValidation.check(second, BOUND, TODAY, null)));
        assertTrue(checked.get(0).errors().isEmpty());
        assertEquals("duplicate-in-batch", checked.get(1).errors().getFirst().code());
        assertNull(checked.get(1).accepted());
    }

    private static WorkdayCalendar shippedCalendar() {
        try (var json = IngestionPoliciesTests.class.getClassLoader().getResourceAsStream("calendar/cn-workday-calendar.json")) {
            return WorkdayCalendar.parse(json, "shipped");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static AcceptedRow accepted(int number, String uscc, String name) {
        return new AcceptedRow(number, "r-" + number, RecordCategory.PENALTY,
                new NewSubject(uscc, null, name, SubjectType.ENTERPRISE, "659001", null), null, null, null, "t",
                LocalDate.parse("2026-11-02"), null, "c", null, null, null, null, null, null, null, null, null, "d", DEPARTMENT, false, Map.of());
    }

    @Test
    void shouldRefuseADecisionAfterItsReportOnlyWhenItIsAfter() {
        LocalDate decided = LocalDate.of(2026, 11, 2);
        assertTrue(IngestionPolicies.decidedBeforeReportPolicy(decided, decided, "decisionDate").isAllowed());
        Verdict later = IngestionPolicies.decidedBeforeReportPolicy(decided, decided.minusDays(1), "处罚决定日期");
        assertEquals("after-report-date", later.errors().getFirst().code());
        assertEquals("处罚决定日期", later.errors().getFirst().field());
    }

    @Test
    void shouldRefuseDatesAfterTodayButNotToday() {
        assertTrue(IngestionPolicies.notInTheFuturePolicy(TODAY, TODAY, "decisionDate").isAllowed());
        assertTrue(IngestionPolicies.notInTheFuturePolicy(null, TODAY, "reportedOn").isAllowed());
        assertEquals("in-the-future", IngestionPolicies.notInTheFuturePolicy(TODAY.plusDays(1), TODAY, "reportedOn").errors().getFirst().code());
    }

    @Test
    void shouldRequireASeverityForPenaltiesOnly() {
        assertEquals("required", IngestionPolicies.severityPolicy(RecordCategory.PENALTY, null, "severity").errors().getFirst().code());
        assertTrue(IngestionPolicies.severityPolicy(RecordCategory.PENALTY, Severity.MINOR, "severity").isAllowed());
        assertTrue(IngestionPolicies.severityPolicy(RecordCategory.LICENCE, null, "severity").isAllowed());
    }

    @Test
    void shouldCapAPublicationEndPastTheLegalPeriodAndSaySo() {
        LocalDate decided = LocalDate.of(2026, 11, 2);
        IngestionPolicies.Publication capped = IngestionPolicies.publicationPolicy(Severity.MINOR, decided, decided.plusYears(2), "公示截止期");
        assertTrue(capped.verdict().isAllowed());
        assertEquals(decided.plusMonths(3), capped.until());
        assertEquals("publication-capped", capped.flag().orElseThrow().code());
        IngestionPolicies.Publication kept = IngestionPolicies.publicationPolicy(Severity.SERIOUS, decided, decided.plusYears(1), "公示截止期");
        assertEquals(decided.plusYears(1), kept.until());
        assertTrue(kept.flag().isEmpty());
        IngestionPolicies.Publication before = IngestionPolicies.publicationPolicy(Severity.GENERAL, decided, decided.minusDays(1), "公示截止期");
        assertEquals("before-decision", before.verdict().errors().getFirst().code());
        assertEquals("公示截止期", before.verdict().errors().getFirst().field());
    }

    @Test
    void shouldKnowNaturalPersonsByTheirHashedNumberOnly() {
        assertEquals("not-allowed", IngestionPolicies.naturalPersonPolicy(true, "subjectUscc").errors().getFirst().code());
        assertTrue(IngestionPolicies.naturalPersonPolicy(false, "subjectUscc").isAllowed());
        assertEquals("identity-hashing-unavailable",
                IngestionPolicies.identityHashingPolicy(false, "subjectIdNumber").errors().getFirst().code());
        assertTrue(IngestionPolicies.identityHashingPolicy(true, "subjectIdNumber").isAllowed());
    }

    @ParameterizedTest
    @CsvSource(value = {"110105199001011234, '', 110105", "11010519900101123X, 居民身份证, 110105", "11010519900101123x, NULL, 110105",
            "110105199001011234, 护照, ''", "E12345678, '', ''", "H0123456701, 港澳居民来往内地通行证, ''"}, nullValues = "NULL")
    void shouldPlaceAResidentCardHolderInTheRegionThatIssuedTheCard(String raw, String type, String region) {
        IdentityNumber number = IdentityNumber.read(raw).orElseThrow();
        assertEquals(region.isEmpty() ? Optional.empty() : Optional.of(region), number.residentRegion(type));
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105 19900101 1234", "１１０１０５１９９００１０１１２３４", "110105199001011234\u3000"})
    void shouldFoldIdentityNumbers(String raw) {
        assertEquals("110105199001011234", IdentityNumber.read(raw).orElseThrow().value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "身份证号码", "1101/05"})
    void shouldRefuseWhatIsNoIdentityNumber(String raw) {
        assertEquals(Optional.empty(), IdentityNumber.read(raw));
    }
}
