package cn.opencredit.gateway.shared.web;

import java.text.Normalizer;

/**
 * Text as the gateway accepts it anywhere: no control characters (U+0000–U+001F, U+007F–U+009F)
 * but for tab, line feed and carriage return in long text. PostgreSQL refuses U+0000 in text, and
 * the others only hide what a record says.
 */
public final class TextInput {

    private TextInput() {
    }

    /**
     * NFKC-folded and stripped: what people type with Chinese input methods (full-width letters,
     * digits, brackets and spaces) read as the plain characters they mean.
     */
    public static String fold(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
    }

    /** Whether the text holds a control character, the three line-breaking ones included. */
    public static boolean hasControlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text holds a control character other than tab, line feed and carriage return. */
    public static boolean hasForbiddenControlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }
}
