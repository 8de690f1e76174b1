package cn.opencredit.gateway.shared.uscc;

import java.util.Locale;

/**
 * What a {@link UsccViolation} is about: the input as a whole (presence, length, alphabet) or one of the parts
 * GB 32100-2015 gives a meaning to. The {@link #code()} is part of the public contract as the {@code code} of an
 * {@code errors[]} entry, so a constant is never renamed.
 */
public enum UsccPart {
    REQUIRED,
    LENGTH,
    CHARSET,
    REGISTRATION_AUTHORITY,
    ENTITY_TYPE,
    REGION_CODE,
    ORGANISATION_CODE_CHECK,
    CHECK_CHARACTER;

    /** The kebab-case code clients switch on, e.g. {@code check-character}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
