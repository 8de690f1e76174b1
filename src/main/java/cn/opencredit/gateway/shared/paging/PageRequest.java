package cn.opencredit.gateway.shared.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;

/**
 * A keyset page request: how many items, and after which position. The cursor is opaque to
 * clients: it carries the position's sort key plus a fingerprint of the query it belongs to, so a
 * cursor replayed against other filters is refused instead of silently skipping rows.
 *
 * @param limit    items on this page, validated against the configured maximum
 * @param position the sort key of the last item of the previous page, empty for the first page
 */
public record PageRequest(int limit, Optional<List<String>> position) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** Longer than any cursor this gateway issues: sort keys are short. */
    public static final int MAX_CURSOR_LENGTH = 512;

    private static final char SEPARATOR = '\u001f';
    private static final String VERSION = "1";
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    /**
     * Reads the {@code limit} and {@code cursor} query parameters of one kind of listing.
     *
     * @param query a fingerprint of the listing and its filters; a cursor is only valid for the same one
     * @param keys  how many sort-key parts the listing's cursor carries
     */
    public static PageRequest parse(String limit, String cursor, String query, int keys) {
        return new PageRequest(parseLimit(limit), parseCursor(cursor, query, keys));
    }

    /** The cursor that continues after an item with this sort key, for the same query. */
    public static String cursorAfter(String query, List<String> key) {
        StringBuilder raw = new StringBuilder(VERSION).append(SEPARATOR).append(fingerprint(query));
        for (String part : key) {
            raw.append(SEPARATOR).append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position as the listing's typed sort key. A cursor whose parts do not parse was not
     * issued by this gateway and is refused like any other invalid cursor.
     */
    public <K> Optional<K> after(java.util.function.Function<List<String>, K> reader) {
        try {
            return position.map(reader);
        } catch (RuntimeException e) {
            throw invalidCursor("the cursor is not one this gateway issued");
        }
    }

    /** One more row than the page is fetched: its presence says whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
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

    private static Optional<List<String>> parseCursor(String cursor, String query, int keys) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw invalidCursor("the cursor is longer than any this gateway issues");
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidCursor("the cursor is not one this gateway issued");
        }
        List<String> parts = List.of(raw.split(String.valueOf(SEPARATOR), -1));
        if (parts.size() != keys + 2 || !VERSION.equals(parts.get(0))) {
            throw invalidCursor("the cursor is not one this gateway issued");
        }
        if (!fingerprint(query).equals(parts.get(1))) {
            throw invalidCursor("the cursor belongs to a listing with other filters; start again without a cursor");
        }
        return Optional.of(parts.subList(2, parts.size()));
    }

    private static ProblemException invalidCursor(String reason) {
        return new ProblemException(ProblemType.INVALID_CURSOR, "Invalid cursor: " + reason,
                List.of(new FieldError("cursor", "invalid-cursor", reason)));
    }

    private static String fingerprint(String query) {
        return Integer.toHexString(query.hashCode());
    }
}
