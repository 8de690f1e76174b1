package cn.opencredit.gateway.shared.web;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;

/**
 * The {@code Idempotency-Key} every write that may be retried takes: 1 to 200 printable ASCII
 * characters, as clients generate them (UUIDs, hashes, batch names).
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern FORMAT = Pattern.compile("[\\x20-\\x7E]{1,200}");

    private IdempotencyKeys() {
    }

    /** The key, if one is sent; a 400 naming the header when it is malformed. */
    public static Optional<String> read(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (!FORMAT.matcher(raw).matches() || raw.isBlank()) {
            String message = HEADER + " must be 1 to 200 printable ASCII characters";
            throw new ProblemException(ProblemType.INVALID_PARAMETER, message, List.of(new FieldError(HEADER, "format", message)));
        }
        return Optional.of(raw);
    }

    /** A key already used by the same client for another request. */
    public static ProblemException reused(String what) {
        return new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "This " + HEADER + " was used for a different " + what
                + "; use a new key for a new one", List.of(new FieldError(HEADER, "reused", "the key belongs to another request")));
    }
}
