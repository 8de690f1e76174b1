package cn.opencredit.gateway.creditlist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.sql.RegionPrefix;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.web.ApiCode;
import cn.opencredit.gateway.shared.web.QueryParameters;

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
        List<FieldError> errors = new ArrayList<>();
        Optional<RegionPrefix> regionPrefix = RegionPrefix.parse(region);
        Optional<String> authorityUscc = QueryParameters.text(authority, "authority", errors).map(a -> Uscc.parse(a, "authority").value());
        Optional<LocalDate> from = QueryParameters.date(includedFrom, "includedFrom", errors);
        Optional<LocalDate> to = QueryParameters.date(includedTo, "includedTo", errors);
        QueryParameters.ordered(from, "includedFrom", to, errors);
        Optional<Boolean> wanted = QueryParameters.bool(active, "active", errors);
        QueryParameters.rejectIfAny(errors);
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
}
