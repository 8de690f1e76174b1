package cn.opencredit.gateway.report;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;

/** Who gets which level, what a verification code looks like, and how a presented hash is read. */
final class ReportPolicies {

    /** 32 characters without 0/O, 1/I: read off paper without mistakes; 16 of them carry 80 random bits. */
    static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final Pattern CODE = Pattern.compile("^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$");
    private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-fA-F]{64}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who reads the full level, and how. */
    enum FullReader {
        /** The subject itself, through a consumer bound to its USCC */
        SELF,
        /** The platform's operators (supervision) */
        OPERATOR,
        /** A bank or credit agency, while the subject's consent covers the report's contents */
        UNDER_CONSENT
    }

    private ReportPolicies() {
    }

    static Verdict levelPolicy(String raw) {
        return level(raw).isPresent() ? Verdict.ALLOWED : Verdict.rejected(ReportRejection.UNKNOWN_LEVEL,
                "level", "level must be public or full", "public, full");
    }

    static Optional<ReportLevel> level(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(ReportLevel.PUBLIC);
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "public" -> Optional.of(ReportLevel.PUBLIC);
            case "full" -> Optional.of(ReportLevel.FULL);
            default -> Optional.empty();
        };
    }

    /**
     * The full level goes to the subject itself, operators, and banks and agencies (under the
     * subject's consent, checked by the service); a subject asking for another's, an app or a
     * department is refused (403): the public level is theirs.
     */
    static Optional<FullReader> fullReader(ApiClient caller, String uscc) {
        if (caller == null || caller.anonymous()) {
            return Optional.empty();
        }
        return switch (caller.type()) {
            case ApiClient.SUBJECT_TYPE -> uscc.equals(caller.boundUscc()) ? Optional.of(FullReader.SELF) : Optional.empty();
            case ApiClient.OPERATOR_TYPE -> Optional.of(FullReader.OPERATOR);
            case ApiClient.BANK_TYPE, ApiClient.CREDIT_AGENCY_TYPE -> Optional.of(FullReader.UNDER_CONSENT);
            default -> Optional.empty();
        };
    }

    static Verdict fullReaderPolicy(ApiClient caller, String uscc) {
        return fullReader(caller, uscc).isPresent() ? Verdict.ALLOWED : Verdict.rejected(ReportRejection.NOT_FULL_READER,
                "The full report goes to the subject itself, to banks and credit agencies it consented to, and to operators; ask for level=public");
    }

    static String newCode() {
        StringBuilder code = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A code as typed (any case, spaces around); empty when it cannot be one, which is answered like an unknown code. */
    static Optional<String> code(String raw) {
        String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        return CODE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }

    static Verdict hashPolicy(String raw) {
        return raw == null || SHA256_HEX.matcher(raw.strip()).matches() ? Verdict.ALLOWED
                : Verdict.rejected(ReportRejection.MALFORMED_HASH, "sha256", "sha256 must be 64 hexadecimal digits", "[0-9a-f]{64}");
    }

    static byte[] hash(String hex) {
        return HexFormat.of().parseHex(hex.strip().toLowerCase(Locale.ROOT));
    }
}
