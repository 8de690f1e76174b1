package cn.opencredit.gateway.subject;

import java.util.regex.Pattern;

import cn.opencredit.gateway.shared.web.TextInput;

/** Names of subjects as the platform compares them. */
public final class SubjectNames {

    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\p{Z}]+");

    private SubjectNames() {
    }

    /** NFKC-folded and stripped: full-width brackets, letters and digits as people type them. */
    public static String fold(String name) {
        return TextInput.fold(name);
    }

    /**
     * The key the 重错码 check compares names by: folded and without any white space, so that a
     * full-width bracket or a stray space does not make two names of one enterprise differ.
     * SubjectRepository computes the same in SQL.
     */
    public static String key(String name) {
        return WHITE_SPACE.matcher(TextInput.fold(name)).replaceAll("");
    }
}
