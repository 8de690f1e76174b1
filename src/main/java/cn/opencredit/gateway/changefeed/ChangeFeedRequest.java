package cn.opencredit.gateway.changefeed;

import java.util.List;
import java.util.regex.Pattern;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;

/**
 * The query parameters of the feed. Pages are larger than the listings' (up to 1 000) because a
 * mirror catching up reads the whole feed.
 */
record ChangeFeedRequest(ChangeCursor after, int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    static ChangeFeedRequest parse(String after, String limit) {
        return new ChangeFeedRequest(ChangeCursor.parse(after), parseLimit(limit));
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        String trimmed = limit.strip();
        if (!DIGITS.matcher(trimmed).matches() || Integer.parseInt(trimmed) < 1 || Integer.parseInt(trimmed) > MAX_LIMIT) {
            String message = "limit must be a whole number from 1 to " + MAX_LIMIT;
            throw new ProblemException(ProblemType.INVALID_PARAMETER, message,
                    List.of(new FieldError("limit", "out-of-range", message, "1.." + MAX_LIMIT)));
        }
        return Integer.parseInt(trimmed);
    }
}
