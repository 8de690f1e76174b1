package cn.opencredit.gateway.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.subject.SubjectStatus;
import cn.opencredit.gateway.subject.SubjectType;

/** One rule each, under the bundled model (base 700; A from 800, B from 650, C from 500). */
class EvaluatorTests {

    private static final EvaluationModel MODEL = ModelDocuments.read(EvaluationWorker.bundledModel());
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private static EvaluationInputs.Subject subject(SubjectStatus status, LocalDate registeredOn) {
        return new EvaluationInputs.Subject(1, "91659001MA00000152", SubjectType.ENTERPRISE, status, registeredOn, "659001", "G");
    }

    private static EvaluationInputs.RecordInput penalty(long id, Severity severity, LocalDate decided, RecordStatus status) {
        return new EvaluationInputs.RecordInput(id, RecordCategory.PENALTY, severity, "行政处罚决定书", "石市监罚〔2026〕" + id + "号", decided,
                decided.plusYears(3), status, null);
    }

    private static EvaluationInputs.RecordInput rating(long id, RecordCategory category, String title, String level, LocalDate decided) {
        return new EvaluationInputs.RecordInput(id, category, null, title, null, decided, decided.plusYears(1), RecordStatus.PUBLISHED, level);
    }

    private static EvaluationInputs.ListInput entry(long id, ListType type, LocalDate included) {
        return new EvaluationInputs.ListInput(id, type, "依法列入", included, null);
    }

    private static EvaluationResult evaluate(List<EvaluationInputs.RecordInput> records, List<EvaluationInputs.ListInput> lists) {
        return Evaluator.evaluate(MODEL, new EvaluationInputs(subject(SubjectStatus.ACTIVE, null), records, lists, List.of()), TODAY);
    }

    private static int counted(EvaluationResult result) {
        return result.contributions().stream().mapToInt(Contribution::counted).sum();
    }

    @Test
    void shouldGiveTheBaseAndGradeBToASubjectWithNothingOnRecord() {
        EvaluationResult result = evaluate(List.of(), List.of());
        assertEquals(700, result.score());
        assertEquals(Grade.B, result.grade());
        assertEquals(SupervisionClass.GENERAL, result.supervision());
        assertEquals(List.of(), result.contributions());
        assertNull(result.validUntil());
    }

    @Test
    void shouldTakeTheFullPointsOfASeriousPenaltyOfTwoMonthsAgo() {
        EvaluationResult result = evaluate(List.of(penalty(7, Severity.SERIOUS, TODAY.minusMonths(2), RecordStatus.PUBLISHED)), List.of());
        assertEquals(550, result.score());
        assertEquals(Grade.C, result.grade());
        assertEquals(SupervisionClass.FOCUSED, result.supervision());
        Contribution penalty = result.contributions().getFirst();
        assertEquals("record:penalty:serious", penalty.rule());
        assertEquals("7", penalty.source().id());
        assertEquals(-150, penalty.points());
        assertEquals(0, BigDecimal.ONE.compareTo(penalty.decayFactor()));
        assertEquals(-150, penalty.counted());
        assertTrue(penalty.reasonZh().contains("失信程度：严重") && penalty.reasonZh().contains("扣150分"), penalty.reasonZh());
        assertEquals(TODAY.minusMonths(2).plusMonths(12), result.validUntil(), "the day the first decay step starts");
    }

    @Test
    void shouldNotCountThePenaltyOnceItIsRepairedRevokedOrItsPublicationHasEnded() {
        LocalDate decided = TODAY.minusMonths(2);
        assertEquals(700, evaluate(List.of(penalty(7, Severity.SERIOUS, decided, RecordStatus.REPAIRED)), List.of()).score());
        assertEquals(700, evaluate(List.of(penalty(7, Severity.SERIOUS, decided, RecordStatus.REVOKED)), List.of()).score());
        EvaluationInputs.RecordInput ended = new EvaluationInputs.RecordInput(7, RecordCategory.PENALTY, Severity.GENERAL, "行政处罚决定书", null,
                decided, TODAY.minusDays(1), RecordStatus.PUBLISHED, null);
        assertEquals(700, evaluate(List.of(ended), List.of()).score());
    }

    @Test
    void shouldCountADisputedRecordUntilTheProviderDecidesAndSaySo() {
        EvaluationResult result = evaluate(List.of(penalty(7, Severity.GENERAL, TODAY.minusMonths(1), RecordStatus.DISPUTED)), List.of());
        assertEquals(660, result.score());
        assertTrue(result.contributions().getFirst().reasonZh().contains("异议处理中"));
    }

    @Test
    void shouldDecayPointsFromTheDayTheRecordIsTwelveMonthsOld() {
        LocalDate boundary = TODAY.minusMonths(12);
        EvaluationResult justBefore = evaluate(List.of(penalty(7, Severity.GENERAL, boundary.plusDays(1), RecordStatus.PUBLISHED)), List.of());
        assertEquals(-40, justBefore.contributions().getFirst().counted());
        assertEquals(TODAY.plusDays(1), justBefore.validUntil(), "tomorrow the record is twelve months old");
        EvaluationResult onIt = evaluate(List.of(penalty(7, Severity.GENERAL, boundary, RecordStatus.PUBLISHED)), List.of());
        Contribution decayed = onIt.contributions().getFirst();
        assertEquals(0, new BigDecimal("0.6").compareTo(decayed.decayFactor()));
        assertEquals(-24, decayed.afterDecay());
        assertEquals(676, onIt.score());
        assertTrue(decayed.reasonZh().contains("已满12个月，按60%计，扣24分"), decayed.reasonZh());
        assertEquals(boundary.plusMonths(24), onIt.validUntil());
        EvaluationResult gone = evaluate(List.of(penalty(7, Severity.GENERAL, TODAY.minusMonths(36), RecordStatus.PUBLISHED)), List.of());
        assertEquals(700, gone.score(), "from 36 months on a record no longer counts");
    }

    @Test
    void shouldCapADimensionTakingTheExcessFromTheOldestContributions() {
        List<EvaluationInputs.RecordInput> penalties = List.of(
                penalty(1, Severity.SERIOUS, TODAY.minusMonths(1), RecordStatus.PUBLISHED),
                penalty(2, Severity.SERIOUS, TODAY.minusMonths(2), RecordStatus.PUBLISHED),
                penalty(3, Severity.SERIOUS, TODAY.minusMonths(3), RecordStatus.PUBLISHED),
                penalty(4, Severity.SERIOUS, TODAY.minusMonths(4), RecordStatus.PUBLISHED));
        EvaluationResult result = evaluate(penalties, List.of());
        assertEquals(-450, counted(result), "failings are capped at -450");
        assertEquals(250, result.score());
        assertEquals(Grade.D, result.grade());
        assertEquals(List.of(-150, -150, -150, 0), result.contributions().stream().map(Contribution::counted).toList(),
                "the newest count in full, the oldest gives back the excess");
        assertTrue(result.contributions().getLast().reasonZh().contains("以-450分为限，本项计0分"), result.contributions().getLast().reasonZh());
    }

    @Test
    void shouldHoldABlackListedSubjectAtGradeDWhateverItsScore() {
        List<EvaluationInputs.RecordInput> records = List.of(rating(1, RecordCategory.TAX_CREDIT_GRADE, "2025年度纳税信用等级评价", "A",
                TODAY.minusMonths(3)));
        List<EvaluationInputs.ListInput> lists = List.of(entry(9, ListType.BLACK, TODAY.minusMonths(1)), entry(10, ListType.RED,
                TODAY.minusMonths(5)));
        EvaluationResult result = Evaluator.evaluate(MODEL, new EvaluationInputs(subject(SubjectStatus.ACTIVE, TODAY.minusYears(12)),
                records, lists, List.of()), TODAY);
        assertEquals(Grade.D, result.grade());
        assertEquals(SupervisionClass.STRICT, result.supervision());
        assertEquals(499, result.score(), "at most the top of grade D");
        Contribution ceiling = result.contributions().getLast();
        assertEquals("grade-ceiling", ceiling.rule());
        assertEquals(700 + 60 + 40 - 300 + 60 - 499, -ceiling.counted());
        assertEquals(result.score(), 700 + counted(result), "base + the points counted = the score");
    }

    @Test
    void shouldGiveGradeAToAnEstablishedTaxpayerOfGradeAWithoutFailings() {
        EvaluationResult result = Evaluator.evaluate(MODEL, new EvaluationInputs(subject(SubjectStatus.ACTIVE, TODAY.minusYears(10)),
                List.of(rating(1, RecordCategory.TAX_CREDIT_GRADE, "2025年度纳税信用等级评价", "A", TODAY.minusMonths(8))), List.of(), List.of()),
                TODAY);
        assertEquals(800, result.score());
        assertEquals(Grade.A, result.grade());
        assertEquals(SupervisionClass.TRUSTED, result.supervision());
        assertEquals(List.of("tax-grade:A", "operating-years:10"), result.contributions().stream().map(Contribution::rule).toList());
    }

    @Test
    void shouldCountOnlyTheLatestRatingOfEachKind() {
        List<EvaluationInputs.RecordInput> records = List.of(
                rating(1, RecordCategory.TAX_CREDIT_GRADE, "2024年度纳税信用等级评价", "D", TODAY.minusMonths(11)),
                rating(2, RecordCategory.TAX_CREDIT_GRADE, "2025年度纳税信用等级评价", "B", TODAY.minusMonths(1)),
                rating(3, RecordCategory.INDUSTRY_RATING, "2025年度建筑市场主体信用评价", "AA", TODAY.minusMonths(2)),
                rating(4, RecordCategory.INDUSTRY_RATING, "2025年度道路运输企业质量信誉考核", "AAA", TODAY.minusMonths(3)));
        EvaluationResult result = evaluate(records, List.of());
        assertEquals(List.of("tax-grade:B", "industry-rating:AA", "industry-rating:AAA"),
                result.contributions().stream().map(Contribution::rule).toList());
        assertEquals(790, result.score());
    }

    @Test
    void shouldNotGradeACancelledOrRevokedSubject() {
        for (SubjectStatus status : List.of(SubjectStatus.CANCELLED, SubjectStatus.REVOKED)) {
            EvaluationResult result = Evaluator.evaluate(MODEL, new EvaluationInputs(subject(status, TODAY.minusYears(3)),
                    List.of(penalty(7, Severity.SERIOUS, TODAY.minusMonths(2), RecordStatus.PUBLISHED)), List.of(), List.of()), TODAY);
            assertNull(result.grade());
            assertNull(result.score());
            assertEquals(status.code(), result.notEvaluated());
            assertEquals(List.of(), result.contributions());
        }
    }

    @Test
    void shouldCountAListEntryUntilTheDayItExpires() {
        EvaluationInputs.ListInput watch = new EvaluationInputs.ListInput(9, ListType.WATCH, "重点关注", TODAY.minusMonths(2), TODAY.plusDays(10));
        EvaluationResult current = evaluate(List.of(), List.of(watch));
        assertEquals(600, current.score());
        assertEquals(TODAY.plusDays(10), current.validUntil());
        EvaluationResult expired = Evaluator.evaluate(MODEL, new EvaluationInputs(subject(SubjectStatus.ACTIVE, null), List.of(), List.of(watch),
                List.of()), TODAY.plusDays(10));
        assertEquals(700, expired.score());
    }

    @Test
    void shouldCountFactsTheWorkflowsEstablish() {
        List<EvaluationInputs.FactInput> facts = List.of(new EvaluationInputs.FactInput("c-1", FactKind.COMMITMENT_KEPT, "告知承诺已履行",
                TODAY.minusDays(3)));
        EvaluationResult result = Evaluator.evaluate(MODEL, new EvaluationInputs(subject(SubjectStatus.ACTIVE, null), List.of(), List.of(), facts),
                TODAY);
        assertEquals(710, result.score());
        assertEquals("fact:commitment-kept", result.contributions().getFirst().rule());
    }

    /** A broken commitment is a failing record of the commitment category, counted by its severity, not the +5 of a commitment made. */
    @Test
    void shouldCountABrokenCommitmentAsAFailing() {
        EvaluationInputs.RecordInput breach = new EvaluationInputs.RecordInput(8, RecordCategory.COMMITMENT, Severity.GENERAL, "违反信用承诺", null,
                TODAY.minusDays(5), TODAY.plusYears(1), RecordStatus.PUBLISHED, null);
        EvaluationResult result = evaluate(List.of(breach), List.of());
        assertEquals(660, result.score());
        assertEquals("record:commitment:general", result.contributions().getFirst().rule());
        assertEquals("failings", result.contributions().getFirst().dimension());
    }

    @Test
    void shouldGiveTheSameScoreAndFingerprintForTheSameInputsInAnyOrder() {
        List<EvaluationInputs.RecordInput> records = new ArrayList<>(List.of(
                penalty(1, Severity.GENERAL, TODAY.minusMonths(14), RecordStatus.PUBLISHED),
                penalty(2, Severity.MINOR, TODAY.minusMonths(1), RecordStatus.PUBLISHED),
                rating(3, RecordCategory.TAX_CREDIT_GRADE, "2025年度纳税信用等级评价", "B", TODAY.minusMonths(6))));
        EvaluationResult first = evaluate(records, List.of(entry(4, ListType.ABNORMAL, TODAY.minusDays(20))));
        Collections.reverse(records);
        EvaluationResult again = evaluate(records, List.of(entry(4, ListType.ABNORMAL, TODAY.minusDays(20))));
        assertEquals(first.score(), again.score());
        assertEquals(first.contributions(), again.contributions());
        assertArrayEquals(first.inputsSha256(), again.inputsSha256());
        EvaluationResult tomorrow = Evaluator.evaluate(MODEL, new EvaluationInputs(subject(SubjectStatus.ACTIVE, null), records,
                List.of(entry(4, ListType.ABNORMAL, TODAY.minusDays(20))), List.of()), TODAY.plusDays(1));
        assertArrayEquals(first.inputsSha256(), tomorrow.inputsSha256(), "the fingerprint is of the inputs; the day is told apart by validUntil");
        EvaluationResult changed = evaluate(records.subList(1, records.size()), List.of(entry(4, ListType.ABNORMAL, TODAY.minusDays(20))));
        assertFalse(java.util.Arrays.equals(first.inputsSha256(), changed.inputsSha256()), "another input, another fingerprint");
        assertEquals(700 - 24 - 10 + 20 - 80, first.score());
    }

    /**
     * A subject whose stored result still holds (same model, same inputs, its validity ahead) is left
     * out of a batch's new results; one whose inputs, model or validity say otherwise is evaluated.
     */
    @Test
    void shouldEvaluateOnlyTheSubjectsWhoseStoredResultNoLongerHolds() {
        EvaluationInputs.Subject first = new EvaluationInputs.Subject(1, "91659001MA00000152", SubjectType.ENTERPRISE, SubjectStatus.ACTIVE, null,
                "659001", "G");
        List<EvaluationInputs> batch = new ArrayList<>();
        for (long id = 1; id <= 6; id++) {
            EvaluationInputs.Subject subject = new EvaluationInputs.Subject(id, first.uscc(), first.type(), first.status(), null, first.regionCode(),
                    first.industrySection());
            batch.add(new EvaluationInputs(subject, List.of(penalty(10 + id, Severity.GENERAL, TODAY.minusMonths(2), RecordStatus.PUBLISHED)),
                    List.of(), List.of()));
        }
        java.util.Map<Long, EvaluationStore.StoredResult> stored = new java.util.HashMap<>();
        for (EvaluationInputs inputs : batch) {
            EvaluationResult result = Evaluator.evaluate(MODEL, inputs, TODAY);
            stored.put(inputs.subject().id(), new EvaluationStore.StoredResult(result.modelVersion(), result.inputsSha256(), result.validUntil()));
        }
        byte[] other = new byte[32];
        stored.put(2L, new EvaluationStore.StoredResult(MODEL.version(), other, null));
        stored.put(3L, new EvaluationStore.StoredResult("2025.9", stored.get(3L).inputsSha256(), null));
        stored.put(4L, new EvaluationStore.StoredResult(MODEL.version(), stored.get(4L).inputsSha256(), TODAY));
        stored.put(5L, new EvaluationStore.StoredResult(MODEL.version(), stored.get(5L).inputsSha256(), TODAY.plusDays(1)));
        stored.remove(6L);

        Evaluator.Fresh fresh = Evaluator.evaluateChanged(MODEL, batch, stored, TODAY);

        assertEquals(List.of(2L, 3L, 4L, 6L), fresh.inputs().stream().map(i -> i.subject().id()).toList(),
                "other inputs (2), another model (3), a validity that ended today (4), nothing stored (6); 1 and 5 still hold");
        assertEquals(List.of(2L, 3L, 4L, 6L), fresh.results().stream().map(EvaluationResult::subjectId).toList());
        assertEquals(Evaluator.evaluate(MODEL, batch.get(1), TODAY).score(), fresh.results().getFirst().score());
        assertArrayEquals(Evaluator.evaluate(MODEL, batch.get(1), TODAY).inputsSha256(), fresh.results().getFirst().inputsSha256());
    }

    @Test
    void shouldKeepTheScoreWithinZeroToAThousand() {
        List<EvaluationInputs.RecordInput> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(penalty(i, Severity.SERIOUS, TODAY.minusMonths(i + 1), RecordStatus.PUBLISHED));
        }
        List<EvaluationInputs.ListInput> lists = List.of(entry(10, ListType.BLACK, TODAY.minusDays(5)), entry(11, ListType.DISHONEST_DEBTOR,
                TODAY.minusDays(6)));
        EvaluationResult result = Evaluator.evaluate(MODEL, new EvaluationInputs(subject(SubjectStatus.ACTIVE, TODAY.minusMonths(6)), records,
                lists, List.of()), TODAY);
        assertEquals(0, result.score());
        assertEquals("score-range", result.contributions().getLast().rule());
        assertEquals(0, 700 + counted(result));
    }
}
