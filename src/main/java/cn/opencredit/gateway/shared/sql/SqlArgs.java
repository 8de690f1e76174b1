package cn.opencredit.gateway.shared.sql;

import java.util.List;

/** Helpers for SQL built from optional filters, with every value bound as a parameter. */
public final class SqlArgs {

    private SqlArgs() {
    }

    /** Adds {@code value} to the statement's arguments and answers its placeholder ({@code $n}). */
    public static String bind(List<Object> args, Object value) {
        args.add(value);
        return "$" + args.size();
    }

    /** The smallest string greater than every string that starts with {@code prefix} (bytewise, "C" collation). */
    public static String upperBound(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }

    /** LIKE and ILIKE treat {@code %}, {@code _} and the escape character itself as wildcards. */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
