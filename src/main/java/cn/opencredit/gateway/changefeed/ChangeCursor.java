package cn.opencredit.gateway.changefeed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;

/**
 * A position in the change feed as clients hold it: opaque, so the numbering can change without
 * breaking them; a position the feed has not reached yet is accepted (it is simply not there yet).
 *
 * @param position the last position a consumer has seen, 0 before the first
 */
record ChangeCursor(long position) {

    static final ChangeCursor START = new ChangeCursor(0);

    private static final String PREFIX = "changes:";
    private static final Pattern POSITION = Pattern.compile("0|[1-9][0-9]{0,17}");

    static ChangeCursor parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return START;
        }
        if (raw.length() > cn.opencredit.gateway.shared.paging.PageRequest.MAX_CURSOR_LENGTH) {
            throw invalid();
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!decoded.startsWith(PREFIX) || !POSITION.matcher(decoded.substring(PREFIX.length())).matches()) {
            throw invalid();
        }
        return new ChangeCursor(Long.parseLong(decoded.substring(PREFIX.length())));
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    private static ProblemException invalid() {
        String reason = "the cursor is not a position of the change feed; use a position or nextCursor the feed returned";
        return new ProblemException(ProblemType.INVALID_CURSOR, "Invalid cursor: " + reason,
                List.of(new FieldError("after", "invalid-cursor", reason)));
    }
}
