package cn.opencredit.gateway.shared.web;

import java.util.List;
import java.util.UUID;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;

/** Identifiers in paths: a malformed one is a 400 naming the parameter, not a 404. */
public final class Ids {

    private Ids() {
    }

    private static final java.util.regex.Pattern POSITIVE = java.util.regex.Pattern.compile("[1-9][0-9]{0,17}");

    /** A positive whole number of at most 18 digits (ids and sequence numbers), else a 400 naming the parameter. */
    public static long positive(String raw, String field) {
        if (raw != null && POSITIVE.matcher(raw).matches()) {
            return Long.parseLong(raw);
        }
        String message = field + " must be a positive whole number";
        throw new ProblemException(ProblemType.INVALID_PARAMETER, message, List.of(new FieldError(field, "format", message)));
    }

    public static UUID uuid(String raw, String field) {
        try {
            if (raw != null && raw.length() == 36) {
                return UUID.fromString(raw);
            }
        } catch (IllegalArgumentException e) {
            // reported below like any other malformed identifier
        }
        String message = field + " must be a UUID";
        throw new ProblemException(ProblemType.INVALID_PARAMETER, message, List.of(new FieldError(field, "format", message)));
    }
}
