package cn.opencredit.gateway.evaluation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * SHA-256 over a canonical text of what a result depends on besides the day: the model version,
 * the subject's facts and each input sorted by id, one field after another with separators that
 * cannot occur in them (a field is followed by U+001F, an input by U+001E, a missing field is
 * U+0000). Stored results carry it, so its bytes are fixed: they are those of the text encoded as
 * UTF-8, an unpaired surrogate as '?', as {@code String.getBytes(UTF_8)} encodes it.
 *
 * <p>The text is encoded into a small buffer and hashed as it is written, not built whole first:
 * a subject with many records made a text of tens of kilobytes, kept twice (as a string and as its
 * bytes), for every subject the evaluation worker re-scores (docs/benchmarks.md, eleventh sitting).
 */
final class InputsFingerprint {

    private static final char FIELD_END = '\u001f';
    private static final char INPUT_END = '\u001e';
    private static final char MISSING = '\u0000';

    private final MessageDigest digest;
    private final byte[] buffer = new byte[512];
    private int length;

    private InputsFingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    static byte[] of(String modelVersion, EvaluationInputs inputs) {
        InputsFingerprint text = new InputsFingerprint();
        text.append(modelVersion).append(INPUT_END);
        EvaluationInputs.Subject s = inputs.subject();
        text.fields(s.id(), s.uscc(), s.type(), s.status(), s.registeredOn(), s.regionCode(), s.industrySection());
        inputs.records().stream().sorted(Comparator.comparingLong(EvaluationInputs.RecordInput::id)).forEach(r -> text.append('R').fields(
                r.id(), r.category(), r.severity(), r.title(), r.decisionNumber(), r.decisionDate(), r.publishedUntil(), r.status(), r.rating()));
        inputs.lists().stream().sorted(Comparator.comparingLong(EvaluationInputs.ListInput::id)).forEach(l -> text.append('L').fields(
                l.id(), l.type(), l.reason(), l.includedOn(), l.expiresOn()));
        inputs.facts().stream().sorted(Comparator.comparing(EvaluationInputs.FactInput::id)).forEach(f -> text.append('F').fields(
                f.id(), f.kind(), f.label(), f.on()));
        return text.finish();
    }

    private void fields(Object... values) {
        for (Object value : values) {
            if (value == null) {
                append(MISSING);
            } else if (value instanceof Long number) {
                append(number.longValue());
            } else if (value instanceof LocalDate date && date.getYear() >= 1000 && date.getYear() <= 9999) {
                append(date.getYear());
                append('-');
                twoDigits(date.getMonthValue());
                append('-');
                twoDigits(date.getDayOfMonth());
            } else {
                append(value.toString());
            }
            append(FIELD_END);
        }
        append(INPUT_END);
    }

    private InputsFingerprint append(String text) {
        int end = text.length();
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                codePoint(Character.toCodePoint(c, text.charAt(++i)));
            } else if (Character.isSurrogate(c)) {
                append('?');
            } else {
                append(c);
            }
        }
        return this;
    }

    /** A number as {@link Long#toString(long)} writes it, without making the string. */
    private void append(long number) {
        if (number < 0) {
            append(Long.toString(number));
            return;
        }
        long divisor = 1;
        while (number / divisor >= 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            append((char) ('0' + number / divisor % 10));
        }
    }

    /** A month or day as {@link LocalDate#toString()} writes it. */
    private void twoDigits(int number) {
        append((char) ('0' + number / 10));
        append((char) ('0' + number % 10));
    }

    /** One char that is no surrogate. */
    private InputsFingerprint append(char c) {
        room();
        if (c < 0x80) {
            buffer[length++] = (byte) c;
        } else if (c < 0x800) {
            buffer[length++] = (byte) (0xc0 | c >> 6);
            buffer[length++] = (byte) (0x80 | c & 0x3f);
        } else {
            buffer[length++] = (byte) (0xe0 | c >> 12);
            buffer[length++] = (byte) (0x80 | c >> 6 & 0x3f);
            buffer[length++] = (byte) (0x80 | c & 0x3f);
        }
        return this;
    }

    private void codePoint(int codePoint) {
        room();
        buffer[length++] = (byte) (0xf0 | codePoint >> 18);
        buffer[length++] = (byte) (0x80 | codePoint >> 12 & 0x3f);
        buffer[length++] = (byte) (0x80 | codePoint >> 6 & 0x3f);
        buffer[length++] = (byte) (0x80 | codePoint & 0x3f);
    }

    /** Room for the longest UTF-8 sequence: hashes what the buffer holds when it is nearly full. */
    private void room() {
        if (length > buffer.length - 4) {
            digest.update(buffer, 0, length);
            length = 0;
        }
    }

    private byte[] finish() {
        digest.update(buffer, 0, length);
        return digest.digest();
    }
}
