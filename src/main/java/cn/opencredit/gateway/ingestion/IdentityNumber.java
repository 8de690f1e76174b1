package cn.opencredit.gateway.ingestion;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.opencredit.gateway.shared.web.TextInput;

/**
 * A natural person's identity document number as a department sends it (证件号码): a resident
 * identity card, a passport, a Hong Kong, Macao or Taiwan permit. Only its keyed hash is ever kept.
 */
record IdentityNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9A-Z()\\-]{4,50}");
    /** GB 11643: six digits of the issuing region, eight of the birth date, three of sequence, a check character. */
    private static final Pattern RESIDENT_ID = Pattern.compile("[1-9]\\d{5}\\d{11}[\\dX]");
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\p{Z}]+");

    /** NFKC-folded, without white space, upper case; empty when it is not an identity number at all. */
    static Optional<IdentityNumber> read(String raw) {
        String number = WHITE_SPACE.matcher(TextInput.fold(raw)).replaceAll("").toUpperCase(Locale.ROOT);
        return FORMAT.matcher(number).matches() ? Optional.of(new IdentityNumber(number)) : Optional.empty();
    }

    /**
     * The region that issued a resident identity card (its first six digits), when the document is
     * one: the type is blank or names 身份证 and the number has the card's form.
     */
    Optional<String> residentRegion(String documentType) {
        boolean card = documentType == null || documentType.isBlank() || documentType.contains("身份证");
        return card && RESIDENT_ID.matcher(value).matches() ? Optional.of(value.substring(0, 6)) : Optional.empty();
    }
}
