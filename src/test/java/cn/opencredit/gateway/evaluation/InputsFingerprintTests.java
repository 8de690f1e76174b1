package cn.opencredit.gateway.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.subject.SubjectStatus;
import cn.opencredit.gateway.subject.SubjectType;

/**
 * Stored results carry the fingerprint, and the worker skips a subject whose stored fingerprint
 * matches: the bytes hashed must stay those of the text the evaluation hashed when it built the
 * whole text as a string (kept below as the reference), or every stored result would be taken for
 * changed once.
 */
class InputsFingerprintTests {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    /** The fingerprint of the first test's inputs, computed by the string-building implementation before it was replaced. */
    private static final String GOLDEN = "151abb13a9bfbc0d7f1bf52a1a8de322cdc0a4fdad47777759f4f949dd43da59";

    @Test
    void shouldHashTheTextTheStoredResultsWereHashedFrom() throws Exception {
        EvaluationInputs inputs = new EvaluationInputs(
                new EvaluationInputs.Subject(42, "91110000600037341L", SubjectType.ENTERPRISE, SubjectStatus.ACTIVE, DAY.minusYears(9), "110000", "C"),
                List.of(new EvaluationInputs.RecordInput(7, RecordCategory.PENALTY, Severity.GENERAL, "未按规定报送年度报告", "京市监罚〔2026〕12号",
                                DAY.minusMonths(3), DAY.plusYears(1), RecordStatus.PUBLISHED, null),
                        new EvaluationInputs.RecordInput(3, RecordCategory.TAX_CREDIT_GRADE, null, "2025年度纳税信用等级评价", null, DAY.minusMonths(8),
                                null, RecordStatus.PUBLISHED, "A")),
                List.of(new EvaluationInputs.ListInput(5, ListType.ABNORMAL, "通过登记的住所无法联系 😀", DAY.minusDays(30), null)),
                List.of(new EvaluationInputs.FactInput("commitment:12", FactKind.values()[0], "信用承诺", DAY.minusDays(2))));
        byte[] fingerprint = InputsFingerprint.of("2026.1", inputs);
        assertArrayEquals(reference("2026.1", inputs), fingerprint);
        assertEquals(GOLDEN, HexFormat.of().formatHex(fingerprint));
    }

    /** Texts of every width of UTF-8, four-byte characters, unpaired surrogates, long texts that fill the buffer many times, and dates of any year. */
    @Test
    void shouldHashAnyTextAsItsUtf8Bytes() throws Exception {
        Random random = new Random(20261207);
        for (int round = 0; round < 300; round++) {
            List<EvaluationInputs.RecordInput> records = new ArrayList<>();
            int count = random.nextInt(40);
            for (int i = 0; i < count; i++) {
                records.add(new EvaluationInputs.RecordInput(random.nextLong(1, Long.MAX_VALUE), RecordCategory.values()[random.nextInt(RecordCategory.values().length)],
                        random.nextBoolean() ? null : Severity.values()[random.nextInt(Severity.values().length)], text(random),
                        random.nextBoolean() ? null : text(random), DAY.minusDays(random.nextInt(4000)), random.nextBoolean() ? null : DAY.plusDays(random.nextInt(900)),
                        RecordStatus.values()[random.nextInt(RecordStatus.values().length)], random.nextBoolean() ? null : text(random)));
            }
            EvaluationInputs inputs = new EvaluationInputs(new EvaluationInputs.Subject(random.nextLong(0, 10_000_000), text(random), SubjectType.ENTERPRISE,
                    SubjectStatus.ACTIVE, registeredOn(random), "440300", null), records,
                    List.of(new EvaluationInputs.ListInput(random.nextInt(1000), ListType.WATCH, text(random), DAY, DAY.plusDays(1))),
                    List.of());
            String model = text(random);
            assertArrayEquals(reference(model, inputs), InputsFingerprint.of(model, inputs), "round " + round);
        }
    }

    /** Mostly none or a recent day; sometimes a year of fewer or more than four digits, which dates write otherwise. */
    private static LocalDate registeredOn(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> LocalDate.of(random.nextInt(1, 20000), 1 + random.nextInt(12), 1 + random.nextInt(28));
            default -> DAY.minusDays(random.nextInt(20000));
        };
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(random.nextInt(10) == 0 ? 3000 : 40);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(7)) {
                case 0 -> text.append((char) random.nextInt(0x20, 0x80));
                case 1 -> text.append((char) random.nextInt(0x80, 0x800));
                case 2 -> text.append((char) random.nextInt(0x4e00, 0x9fff));
                case 3 -> text.appendCodePoint(random.nextInt(0x10000, 0x10ffff));
                case 4 -> text.append((char) random.nextInt(0xd800, 0xe000));
                case 5 -> text.append((char) random.nextInt(0xe000, 0x10000));
                default -> text.append((char) random.nextInt(0, 0x20));
            }
        }
        return text.toString();
    }

    /** The implementation the fingerprints of stored results were made with. */
    private static byte[] reference(String modelVersion, EvaluationInputs inputs) throws Exception {
        StringBuilder text = new StringBuilder(256).append(modelVersion).append('\u001e');
        EvaluationInputs.Subject s = inputs.subject();
        fields(text, s.id(), s.uscc(), s.type(), s.status(), s.registeredOn(), s.regionCode(), s.industrySection());
        inputs.records().stream().sorted(Comparator.comparingLong(EvaluationInputs.RecordInput::id)).forEach(r -> fields(text.append('R'),
                r.id(), r.category(), r.severity(), r.title(), r.decisionNumber(), r.decisionDate(), r.publishedUntil(), r.status(), r.rating()));
        inputs.lists().stream().sorted(Comparator.comparingLong(EvaluationInputs.ListInput::id)).forEach(l -> fields(text.append('L'),
                l.id(), l.type(), l.reason(), l.includedOn(), l.expiresOn()));
        inputs.facts().stream().sorted(Comparator.comparing(EvaluationInputs.FactInput::id)).forEach(f -> fields(text.append('F'),
                f.id(), f.kind(), f.label(), f.on()));
        return MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void fields(StringBuilder text, Object... values) {
        for (Object value : values) {
            text.append(value == null ? "\u0000" : value.toString()).append('\u001f');
        }
        text.append('\u001e');
    }

}
