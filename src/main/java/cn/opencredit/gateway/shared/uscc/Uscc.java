package cn.opencredit.gateway.shared.uscc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import cn.opencredit.gateway.shared.web.TextInput;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015), held in its normalised 18-character form.
 * <p>
 * Layout: registration authority (position 1), entity type (2), region code (3-8), organisation code per
 * GB 11714 with its own check character (9-17), check character (18).
 * <p>
 * Parsing forgives what people paste or type with a Chinese IME (full-width characters, ideographic spaces around
 * the code, lower case), so that only codes that are really wrong are refused; those are refused with every wrong
 * part named, because "invalid code" alone leaves a clerk re-reading 18 characters.
 */
public final class Uscc {

    public static final int LENGTH = 18;

    /** GB 32100 leaves out I, O, S, V and Z because they are easily misread as 1, 0, 5, U and 2. */
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final String DEFAULT_FIELD = "uscc";
    private static final int ORGANISATION_CODE_START = 8;
    private static final int[] ORGANISATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final int[] CHECK_WEIGHTS = checkWeights();

    // The entity types (position 2) each registration authority (position 1) may assign.
    private static final Map<Character, String> ENTITY_TYPES_BY_AUTHORITY = Map.ofEntries(
            Map.entry('1', "1239"),   // 机构编制
            Map.entry('2', "19"),     // 外交
            Map.entry('3', "123459"), // 司法行政
            Map.entry('4', "19"),     // 文化
            Map.entry('5', "1239"),   // 民政
            Map.entry('6', "129"),    // 旅游
            Map.entry('7', "129"),    // 宗教
            Map.entry('8', "19"),     // 工会
            Map.entry('9', "123"),    // 工商 / 市场监管
            Map.entry('A', "19"),     // 中央军委改革和编制办公室
            Map.entry('N', "1239"),   // 农业
            Map.entry('Y', "1"));     // 其他

    // Province-level prefixes of GB/T 2260, plus 10: codes issued at central level carry region 100000,
    // which GB/T 2260 itself does not list.
    private static final Set<String> REGION_PREFIXES = Set.of(
            "10",
            "11", "12", "13", "14", "15",
            "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65",
            "71", "81", "82");

    /** REGION_PREFIXES by their two digits' value. */
    private static final boolean[] REGION_PREFIX_TABLE = regionPrefixTable();

    private final String value;

    private Uscc(String value) {
        this.value = value;
    }

    /** Parses a code for the {@code uscc} field; see {@link #parse(String, String)}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Uscc parse(String raw) {
        return parse(raw, DEFAULT_FIELD);
    }

    /**
     * Normalises and validates {@code raw}.
     *
     * @param field the name under which the input arrived, used as the {@code field} of each {@code errors[]} entry
     * @throws InvalidUsccException naming every violated part
     */
    public static Uscc parse(String raw, String field) {
        UsccValidation validation = validate(raw);
        if (!validation.isValid()) {
            throw new InvalidUsccException(field, validation);
        }
        return new Uscc(validation.normalised());
    }

    public static boolean isValid(String raw) {
        return validate(raw).isValid();
    }

    /**
     * Normalises {@code raw} and reports every violation. When the length or the alphabet is wrong, only those are
     * reported: positions no longer line up with the parts, so checking the parts would report noise.
     */
    public static UsccValidation validate(String raw) {
        String input = normalise(raw);
        if (input.isEmpty()) {
            return new UsccValidation(input,
                    List.of(new UsccViolation(UsccPart.REQUIRED, 0, input, null, "value is missing or blank")));
        }
        List<UsccViolation> violations = lengthAndCharsetViolations(input);
        if (violations.isEmpty()) {
            addAuthorityAndEntityTypeViolations(input, violations);
            addRegionCodeViolations(input, violations);
            addOrganisationCodeViolations(input, violations);
            addCheckCharacterViolations(input, violations);
        }
        return new UsccValidation(input, violations);
    }

    /**
     * The check character (position 18) for the first 17 characters of a code, for building valid codes.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 characters from the USCC alphabet
     */
    public static char checkCharacter(CharSequence first17) {
        requireAlphabet(first17, LENGTH - 1, "first17");
        return computeCheckCharacter(first17);
    }

    /**
     * The GB 11714 check character (position 17) for the 8-character organisation code body (positions 9-16).
     *
     * @throws IllegalArgumentException if {@code body8} is not 8 characters from the USCC alphabet
     */
    public static char organisationCodeCheckCharacter(CharSequence body8) {
        requireAlphabet(body8, ORGANISATION_CODE_WEIGHTS.length, "body8");
        return computeOrganisationCodeCheckCharacter(body8, 0);
    }

    @JsonValue
    public String value() {
        return value;
    }

    public char registrationAuthority() {
        return value.charAt(0);
    }

    public char entityType() {
        return value.charAt(1);
    }

    public String regionCode() {
        return value.substring(2, ORGANISATION_CODE_START);
    }

    /** The 9-character organisation code (positions 9-17), including its own check character. */
    public String organisationCode() {
        return value.substring(ORGANISATION_CODE_START, LENGTH - 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Uscc uscc && value.equals(uscc.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }

    // NFKC before stripping, because it turns full-width digits and letters into ASCII and U+3000 and no-break
    // spaces into plain spaces, which strip() then removes.
    private static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        // Nearly every code arrives as 18 upper-case ASCII letters and digits, which NFKC, strip and upper-casing leave as they are.
        if (raw.length() == LENGTH && raw.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
            return raw;
        }
        return TextInput.fold(raw).toUpperCase(Locale.ROOT);
    }

    // Positions count code points, so that an emoji or other supplementary character counts as the one character
    // the client typed.
    private static List<UsccViolation> lengthAndCharsetViolations(String input) {
        List<UsccViolation> violations = new ArrayList<>();
        if (input.length() == LENGTH && inCharset(input)) {
            return violations;
        }
        int[] codePoints = input.codePoints().toArray();
        if (codePoints.length != LENGTH) {
            violations.add(new UsccViolation(UsccPart.LENGTH, 0, String.valueOf(codePoints.length), String.valueOf(LENGTH),
                    "has " + codePoints.length + " characters, expected " + LENGTH));
        }
        // Capped so that a pasted paragraph yields a bounded problem body; a code of the right length can't exceed it.
        int reported = 0;
        for (int i = 0; i < codePoints.length && reported < LENGTH; i++) {
            if (CHARSET.indexOf(codePoints[i]) < 0) {
                violations.add(new UsccViolation(UsccPart.CHARSET, i + 1, Character.toString(codePoints[i]), null,
                        "character " + quote(codePoints[i]) + " (position " + (i + 1)
                                + ") is not allowed; a USCC uses 0-9 and A-Z without I, O, S, V, Z"));
                reported++;
            }
        }
        return violations;
    }

    // The valid entity types depend on the authority, so an unknown authority leaves the type uncheckable.
    private static void addAuthorityAndEntityTypeViolations(String input, List<UsccViolation> violations) {
        char authority = input.charAt(0);
        char entityType = input.charAt(1);
        String entityTypes = ENTITY_TYPES_BY_AUTHORITY.get(authority);
        if (entityTypes == null) {
            violations.add(new UsccViolation(UsccPart.REGISTRATION_AUTHORITY, 1, String.valueOf(authority), null,
                    "registration authority (position 1) '" + authority + "' is not one of 1-9, A, N, Y"));
        } else if (entityTypes.indexOf(entityType) < 0) {
            violations.add(new UsccViolation(UsccPart.ENTITY_TYPE, 2, String.valueOf(entityType), null,
                    "entity type (position 2) '" + entityType + "' is not used by registration authority '" + authority
                            + "', which uses " + String.join(", ", entityTypes.split(""))));
        }
    }

    // The checks of a valid code allocate nothing: every keyed read validates its code at least twice.
    private static void addRegionCodeViolations(String input, List<UsccViolation> violations) {
        boolean digits = true;
        for (int i = 2; i < ORGANISATION_CODE_START; i++) {
            digits &= input.charAt(i) >= '0' && input.charAt(i) <= '9';
        }
        if (!digits || !REGION_PREFIX_TABLE[(input.charAt(2) - '0') * 10 + input.charAt(3) - '0']) {
            String region = input.substring(2, ORGANISATION_CODE_START);
            violations.add(new UsccViolation(UsccPart.REGION_CODE, 3, region, null,
                    "region code (positions 3-8) '" + region
                            + "' is not an administrative division code (6 digits starting with a province code)"));
        }
    }

    private static void addOrganisationCodeViolations(String input, List<UsccViolation> violations) {
        char expected = computeOrganisationCodeCheckCharacter(input, ORGANISATION_CODE_START);
        char actual = input.charAt(LENGTH - 2);
        if (actual != expected) {
            violations.add(new UsccViolation(UsccPart.ORGANISATION_CODE_CHECK, LENGTH - 1, String.valueOf(actual),
                    String.valueOf(expected), "organisation code check character (position " + (LENGTH - 1) + ") is '"
                            + actual + "', expected '" + expected + "'"));
        }
    }

    // Computed over the characters as given, so when position 17 is wrong too, the expected value here is the one
    // that matches the input rather than the corrected code.
    private static void addCheckCharacterViolations(String input, List<UsccViolation> violations) {
        char expected = computeCheckCharacter(input);
        char actual = input.charAt(LENGTH - 1);
        if (actual != expected) {
            violations.add(new UsccViolation(UsccPart.CHECK_CHARACTER, LENGTH, String.valueOf(actual),
                    String.valueOf(expected),
                    "check character (position " + LENGTH + ") is '" + actual + "', expected '" + expected + "'"));
        }
    }

    /** Over the first 17 characters of {@code chars}. */
    private static char computeCheckCharacter(CharSequence chars) {
        int modulus = CHARSET.length();
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += CHARSET.indexOf(chars.charAt(i)) * CHECK_WEIGHTS[i];
        }
        return CHARSET.charAt((modulus - sum % modulus) % modulus);
    }

    // Radix 36 gives exactly GB 11714's character values: digits as themselves, A = 10 … Z = 35.
    /** Over the 8 characters of {@code chars} from {@code start}. */
    private static char computeOrganisationCodeCheckCharacter(CharSequence chars, int start) {
        int sum = 0;
        for (int i = 0; i < ORGANISATION_CODE_WEIGHTS.length; i++) {
            sum += Character.digit(chars.charAt(start + i), 36) * ORGANISATION_CODE_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return switch (check) {
            case 10 -> 'X';
            case 11 -> '0';
            default -> (char) ('0' + check);
        };
    }

    private static boolean[] regionPrefixTable() {
        boolean[] table = new boolean[100];
        REGION_PREFIXES.forEach(prefix -> table[Integer.parseInt(prefix)] = true);
        return table;
    }

    private static int[] checkWeights() {
        int[] weights = new int[LENGTH - 1];
        int weight = 1;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weight;
            weight = weight * 3 % CHARSET.length();
        }
        return weights;
    }

    private static boolean inCharset(String input) {
        for (int i = 0; i < input.length(); i++) {
            if (CHARSET.indexOf(input.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void requireAlphabet(CharSequence chars, int length, String name) {
        if (chars == null || chars.length() != length || !chars.chars().allMatch(c -> CHARSET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException(
                    name + " must be " + length + " characters from " + CHARSET + ", got " + chars);
        }
    }

    // Spaces, control characters and look-alikes from other scripts are invisible or ambiguous between quotes.
    private static String quote(int codePoint) {
        String quoted = "'" + Character.toString(codePoint) + "'";
        return codePoint > ' ' && codePoint < 0x7F ? quoted : quoted + " (U+" + String.format("%04X", codePoint) + ")";
    }
}
