package cn.opencredit.gateway.evidence;

import java.util.Arrays;
import java.util.Optional;

import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;

/** What evidence may be: its type told by its content, its size; and who reads it. */
final class EvidencePolicies {

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private EvidencePolicies() {
    }

    /** The type the content is, by its first bytes; the name a file was given proves nothing. */
    static Optional<String> sniff(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        return Optional.empty();
    }

    /** A PDF, JPEG or PNG, as declared, not empty, within the size limit. */
    static Verdict filePolicy(byte[] content, String declared, long maxSize) {
        if (content.length == 0) {
            return Verdict.rejected(EvidenceRejection.EMPTY, "body", "the file is empty");
        }
        if (content.length > maxSize) {
            return Verdict.rejected(EvidenceRejection.TOO_LARGE, "body", "an evidence file may have at most " + maxSize + " bytes, this one has "
                    + content.length);
        }
        Optional<String> actual = sniff(content);
        if (actual.isEmpty()) {
            return Verdict.rejected(EvidenceRejection.UNSUPPORTED_TYPE, "body", "the file is not a PDF, JPEG or PNG");
        }
        if (!actual.get().equals(declared)) {
            return Verdict.rejected(EvidenceRejection.TYPE_MISMATCH, "body", "the file is " + actual.get() + ", not the declared " + declared);
        }
        return Verdict.ALLOWED;
    }

    /** Who uploaded it, operators, and departments (who decide the cases that cite it). */
    static Verdict readerPolicy(ApiClient caller, java.util.UUID uploadedBy) {
        if (caller.consumerId() != null && caller.consumerId().equals(uploadedBy) || ApiClient.OPERATOR_TYPE.equals(caller.type())
                || ApiClient.DEPARTMENT_TYPE.equals(caller.type())) {
            return Verdict.ALLOWED;
        }
        return Verdict.rejected(EvidenceRejection.NOT_YOURS, "Evidence is read by who uploaded it, departments and operators");
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
