package cn.opencredit.gateway.subject;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.sql.RegionPrefix;
import cn.opencredit.gateway.shared.web.ApiCode;
import cn.opencredit.gateway.shared.web.TextInput;

/**
 * The filters of a subject search, normalised the way users type them: full-width characters
 * from Chinese input methods are folded (NFKC), surrounding space is dropped.
 *
 * @param text         a name fragment, matched anywhere in the name
 * @param usccPrefix   the same text read as the start of a USCC, when it can be one
 * @param regionPrefix 2 (province), 4 (prefecture) or 6 (county) digits of the region code
 * @param type         the subject type
 */
public record SubjectSearch(Optional<String> text, Optional<String> usccPrefix, Optional<RegionPrefix> regionPrefix,
        Optional<SubjectType> type) {

    static final int MAX_TEXT_LENGTH = 100;

    private static final Pattern USCC_PREFIX = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{1,18}");

    public static SubjectSearch parse(String q, String region, String type) {
        Optional<String> text = normalise(q);
        text.ifPresent(SubjectSearch::checkText);
        Optional<String> usccPrefix = text.map(t -> t.toUpperCase(Locale.ROOT)).filter(t -> USCC_PREFIX.matcher(t).matches());
        Optional<RegionPrefix> regionPrefix = RegionPrefix.parse(region);
        Optional<SubjectType> subjectType = normalise(type).map(t -> ApiCode.parse(SubjectType.class, t, "type"));
        return new SubjectSearch(text, usccPrefix, regionPrefix, subjectType);
    }

    /** Identifies this search in its cursors, so that a cursor cannot be replayed against other filters. */
    String fingerprint() {
        return "subjects|" + text.orElse("") + "|" + regionPrefix.map(RegionPrefix::digits).orElse("") + "|" + type.map(Enum::name).orElse("");
    }

    private static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String folded = TextInput.fold(raw);
        return folded.isEmpty() ? Optional.empty() : Optional.of(folded);
    }

    private static void checkText(String text) {
        if (text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
            throw invalid("q", "too-long", "q must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid("q", "control-character", "q must not contain control characters");
        }
    }

    private static ProblemException invalid(String field, String code, String message) {
        return new ProblemException(ProblemType.INVALID_PARAMETER, message, List.of(new FieldError(field, code, message)));
    }
}
