package cn.opencredit.gateway.record;

import java.util.EnumSet;
import java.util.Set;

import cn.opencredit.gateway.shared.web.ApiCode;

/**
 * Whose view of a subject's records a caller gets. Each audience sees the records of its
 * disclosure levels; everything else about visibility (status, publication window) is the same
 * for all. Cached answers are kept per audience, so one audience's view is never served to another.
 */
public enum RecordAudience implements ApiCode {
    /** Anyone: anonymous callers, apps, banks and agencies without a legal basis of their own. */
    PUBLIC(EnumSet.of(DisclosureLevel.PUBLIC)),
    /** The subject itself, through a consumer bound to its USCC: also what it may authorise others to see. */
    SELF(EnumSet.of(DisclosureLevel.PUBLIC, DisclosureLevel.AUTHORISED)),
    /** Departments and the platform's operators (政务共享): every level. */
    GOVERNMENT(EnumSet.allOf(DisclosureLevel.class));

    private final Set<DisclosureLevel> levels;

    RecordAudience(Set<DisclosureLevel> levels) {
        this.levels = levels;
    }

    Set<DisclosureLevel> levels() {
        return levels;
    }
}
