package cn.opencredit.gateway.record;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may see a record: the one rule, as a Java predicate and as the SQL that every read of
 * records uses (a subject's records and profile, disclosures, the change feed, statistics). The
 * database function changefeed_record_public() (V009) and the partial indexes of V009 repeat the
 * public part; RecordVisibilityTests pins each of them to this class.
 */
public final class RecordVisibility {

    /**
     * A disputed record stays visible, marked as disputed, until the provider decides; a corrected
     * one is shown in its corrected form; repaired and revoked ones stop being published.
     */
    public static final Set<RecordStatus> LISTED_STATUSES = EnumSet.of(RecordStatus.PUBLISHED, RecordStatus.DISPUTED,
            RecordStatus.CORRECTED);

    private RecordVisibility() {
    }

    /** A disclosure level of the audience, a listed status, and today inside its publication window. */
    public static boolean visible(RecordAudience audience, DisclosureLevel level, RecordStatus status, LocalDate publishedFrom,
            LocalDate publishedUntil, LocalDate today) {
        return audience.levels().contains(level) && LISTED_STATUSES.contains(status) && inWindow(publishedFrom, publishedUntil, today);
    }

    /** What the public may ever see of a record, whatever the date: the public level and a listed status. */
    public static boolean publicAndListed(DisclosureLevel level, RecordStatus status) {
        return level == DisclosureLevel.PUBLIC && LISTED_STATUSES.contains(status);
    }

    /** Published already (or from an unknown start) and not ended. */
    public static boolean inWindow(LocalDate publishedFrom, LocalDate publishedUntil, LocalDate today) {
        return (publishedFrom == null || !publishedFrom.isAfter(today)) && (publishedUntil == null || !publishedUntil.isBefore(today));
    }

    /**
     * {@link #publicAndListed} as literal SQL on the columns of {@code alias} (with its dot, or
     * empty): literal rather than bound, so that the planner can prove the partial indexes apply.
     */
    public static String publicAndListedSql(String alias) {
        return alias + "disclosure_level = '" + DisclosureLevel.PUBLIC.name() + "' AND " + alias + "status IN (" + LISTED_STATUSES.stream()
                .map(status -> "'" + status.name() + "'").collect(Collectors.joining(", ")) + ")";
    }

    /** {@link #inWindow} as SQL on the columns of {@code alias}, with today bound to {@code todayParameter} (e.g. {@code $3}). */
    public static String inWindowSql(String alias, String todayParameter) {
        return alias + "published_from <= " + todayParameter + " AND (" + alias + "published_until IS NULL OR " + alias + "published_until >= "
                + todayParameter + ")";
    }

    /**
     * {@link #visible} as SQL with bound parameters: the audience's levels (a text array), the
     * listed statuses (a text array, {@link #listedStatuses}) and today.
     */
    static String visibleSql(String alias, String levelsParameter, String statusesParameter, String todayParameter) {
        return alias + "disclosure_level = ANY(" + levelsParameter + ") AND " + alias + "status = ANY(" + statusesParameter + ") AND "
                + inWindowSql(alias, todayParameter);
    }

    static String[] listedStatuses() {
        return LISTED_STATUSES.stream().map(Enum::name).toArray(String[]::new);
    }
}
