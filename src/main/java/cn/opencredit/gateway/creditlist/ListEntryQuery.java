package cn.opencredit.gateway.creditlist;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.sql.RegionPrefix;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.ApiCode;

/**
 * The filters of a list listing. Each query parameter is trimmed and full-width folded; a blank one
 * counts as absent. They are checked in the order of the parameters of {@link #parse}.
 *
 * @param type          the list
 * @param regionPrefix  2 (province), 4 (prefecture) or 6 (county) digits of the subject's region code
 * @param authorityUscc only entries of this authority
 * @param includedFrom  first day of inclusion (China Standard Time), inclusive
 * @param includedTo    last day of inclusion (China Standard Time), inclusive
 * @param active        true: current memberships only; false: only entries that are not (removed, expired or not yet in force)
 */
public record ListEntryQuery(ListType type, Optional<RegionPrefix> regionPrefix, Optional<String> authorityUscc, Optional<LocalDate> includedFrom,
        Optional<LocalDate> includedTo, Optional<Boolean> active) {

    public static ListEntryQuery parse(String type, String region, String authority, String includedFrom, String includedTo, String active) {
        ListType listType = parseType(type);
        Optional<RegionPrefix> regionPrefix = RegionPrefix.parse(region);
        Optional<String> authorityUscc = normalise(authority).map(a -> Uscc.parse(a, "authority").value());
        Optional<LocalDate> from = normalise(includedFrom).map(d -> date(d, "includedFrom"));
        Optional<LocalDate> to = normalise(includedTo).map(d -> date(d, "includedTo"));
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw ProblemException.invalidParameter("includedTo", "before-from", "includedTo must not be before includedFrom");
        }
        Optional<Boolean> wanted = normalise(active).map(ListEntryQuery::bool);
        return new ListEntryQuery(listType, regionPrefix, authorityUscc, from, to, wanted);
    }

    /** The list type of a path: the kebab code or the constant name, in any case; unknown ones are a 400 listing the types. */
    public static ListType parseType(String type) {
        return ApiCode.parse(ListType.class, type == null ? "" : type, "type");
    }

    /** Identifies this listing in its cursors, so that a cursor cannot be replayed against other filters. */
    String fingerprint() {
        return "lists|" + type.name() + "|" + regionPrefix.map(RegionPrefix::digits).orElse("") + "|" + authorityUscc.orElse("") + "|"
                + includedFrom.map(LocalDate::toString).orElse("") + "|" + includedTo.map(LocalDate::toString).orElse("") + "|"
                + active.map(String::valueOf).orElse("");
    }

    private static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        return folded.isEmpty() ? Optional.empty() : Optional.of(folded);
    }

    private static LocalDate date(String raw, String field) {
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidParameter(field, "format", field + " must be an ISO 8601 date such as 2026-04-01");
        }
    }

    private static boolean bool(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ProblemException(ProblemType.INVALID_PARAMETER, "active must be true or false",
                    List.of(new FieldError("active", "unknown-value", "active must be true or false", "true, false")));
        };
    }
}
