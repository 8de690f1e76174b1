package cn.opencredit.gateway.shared.uscc;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemType;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsccTests {

    private static final String HUAWEI = "914403001922038216";

    // Written out from GB 32100-2015 rather than read from Uscc, so the tests check the table instead of echoing it.
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final Map<Character, String> ENTITY_TYPES_BY_AUTHORITY = Map.ofEntries(
            Map.entry('1', "1239"), Map.entry('2', "19"), Map.entry('3', "123459"), Map.entry('4', "19"),
            Map.entry('5', "1239"), Map.entry('6', "129"), Map.entry('7', "129"), Map.entry('8', "19"),
            Map.entry('9', "123"), Map.entry('A', "19"), Map.entry('N', "1239"), Map.entry('Y', "1"));
    private static final List<String> REGION_PREFIXES = List.of("10", "11", "12", "13", "14", "15", "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65", "71", "81", "82");

    private final ObjectMapper json = new ObjectMapper();

    // Published codes of well-known organisations, each first verified with an independent implementation of both rules.
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "华为技术有限公司, 914403001922038216",
            "腾讯科技（深圳）有限公司, 9144030071526726XG",
            "阿里巴巴（中国）有限公司, 91330100799655058B",
            "小米科技有限责任公司, 91110108551385082Q",
            "百度在线网络技术（北京）有限公司, 91110000802100433B",
            "国家发展和改革委员会, 11100000000019713D"
    })
    void shouldAcceptCodeWhenItBelongsToARealOrganisation(String organisation, String code) {
        assertTrue(Uscc.validate(code).violations().isEmpty(), () -> Uscc.validate(code).violations().toString());
        assertEquals(code, Uscc.parse(code).value());
    }

    @Test
    void shouldExposeEachPartWhenCodeIsValid() {
        Uscc uscc = Uscc.parse(HUAWEI);

        assertEquals('9', uscc.registrationAuthority());
        assertEquals('1', uscc.entityType());
        assertEquals("440300", uscc.regionCode());
        assertEquals("192203821", uscc.organisationCode());
    }

    @Test
    void shouldNameExpectedCharacterWhenCheckCharacterIsWrong() {
        InvalidUsccException e = assertThrows(InvalidUsccException.class, () -> Uscc.parse("91440300192203821X"));

        assertEquals(ProblemType.INVALID_USCC, e.type());
        assertEquals("USCC 91440300192203821X: check character (position 18) is 'X', expected '6'", e.detail());
        assertEquals(List.of(new FieldError("uscc", "check-character", "check character (position 18) is 'X', expected '6'", "6")),
                e.errors());
        assertEquals(List.of(new UsccViolation(UsccPart.CHECK_CHARACTER, 18, "X", "6",
                "check character (position 18) is 'X', expected '6'")), e.violations());
    }

    @Test
    void shouldReportBothCheckCharactersWhenOrganisationCheckCharacterIsWrong() {
        List<UsccViolation> violations = Uscc.validate("914403001922038226").violations();

        assertEquals(List.of(UsccPart.ORGANISATION_CODE_CHECK, UsccPart.CHECK_CHARACTER), parts(violations));
        assertEquals(17, violations.get(0).position());
        assertEquals("2", violations.get(0).actual());
        assertEquals("1", violations.get(0).expected());
        assertEquals("9", violations.get(1).expected());
    }

    @Test
    void shouldReportCheckCharacterWhenTwoAdjacentDigitsAreSwapped() {
        // 440300 → 443000 is still a real region, so only the check character can catch the slip.
        List<UsccViolation> violations = Uscc.validate("914430001922038216").violations();

        assertEquals(List.of(UsccPart.CHECK_CHARACTER), parts(violations));
        assertEquals("U", violations.getFirst().expected());
    }

    @ParameterizedTest
    @ValueSource(strings = {"O", "I", "Z", "S", "V"})
    void shouldReportOnlyCharsetWhenLookAlikeLetterIsTyped(String letter) {
        String code = "9144" + letter + "3001922038216";

        List<UsccViolation> violations = Uscc.validate(code).violations();

        assertEquals(List.of(new UsccViolation(UsccPart.CHARSET, 5, letter, null, "character '" + letter
                + "' (position 5) is not allowed; a USCC uses 0-9 and A-Z without I, O, S, V, Z")), violations);
    }

    @Test
    void shouldNameCodePointWhenCharacterIsInvisible() {
        InvalidUsccException e = assertThrows(InvalidUsccException.class, () -> Uscc.parse("91440300\u200B1922038216"));

        assertEquals(List.of(UsccPart.LENGTH, UsccPart.CHARSET), parts(e.violations()));
        assertEquals(9, e.violations().get(1).position());
        assertTrue(e.detail().contains("(U+200B) (position 9)"), e.detail());
    }

    @ParameterizedTest
    @CsvSource({"91440300192203821, 17", "9144030019220382160, 19"})
    void shouldReportOnlyLengthWhenCodeHasWrongNumberOfCharacters(String code, String length) {
        List<UsccViolation> violations = Uscc.validate(code).violations();

        assertEquals(List.of(new UsccViolation(UsccPart.LENGTH, 0, length, "18", "has " + length + " characters, expected 18")),
                violations);
    }

    @Test
    void shouldReportLengthAndCharsetButNoPartWhenBothAreWrong() {
        List<UsccViolation> violations = Uscc.validate("B144O3001922038").violations();

        assertEquals(List.of(UsccPart.LENGTH, UsccPart.CHARSET), parts(violations));
    }

    @Test
    void shouldBoundTheReportWhenInputIsAPastedParagraph() {
        InvalidUsccException e = assertThrows(InvalidUsccException.class, () -> Uscc.parse("统一社会信用代码".repeat(100)));

        assertEquals(1 + 18, e.errors().size());
        assertTrue(e.detail().startsWith("USCC " + "统一社会信用代码".repeat(4) + "…: has 800 characters"), e.detail());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\u3000", "\t\n"})
    void shouldReportRequiredWhenInputIsMissingOrBlank(String raw) {
        InvalidUsccException e = assertThrows(InvalidUsccException.class, () -> Uscc.parse(raw, "body.issuerUscc"));

        assertEquals("USCC: value is missing or blank", e.detail());
        assertEquals(List.of(new FieldError("body.issuerUscc", "required", "value is missing or blank")), e.errors());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "９１４４０３００１９２２０３８２１６|914403001922038216",
            "９１４４０３００７１５２６７２６ＸＧ|9144030071526726XG",
            "９１４４０３００７１５２６７２６ｘｇ|9144030071526726XG",
            "9144030071526726xg|9144030071526726XG"
    })
    void shouldNormaliseWhenInputIsTypedWithAChineseIme(String raw, String normalised) {
        assertEquals(normalised, Uscc.parse(raw).value());
    }

    // Not a CsvSource: it would trim the very whitespace under test.
    @ParameterizedTest
    @ValueSource(strings = {"  914403001922038216 ", "\u3000914403001922038216\u3000", "\u00A0914403001922038216\t",
            "\t914403001922038216\r\n"})
    void shouldAcceptCodeWhenItHasSurroundingWhitespace(String raw) {
        assertEquals(HUAWEI, Uscc.parse(raw).value());
    }

    @Test
    void shouldReportOnlyAuthorityWhenAuthorityIsUnknown() {
        List<UsccViolation> violations = Uscc.validate(withCheckCharacter("B1440300192203821")).violations();

        assertEquals(List.of(new UsccViolation(UsccPart.REGISTRATION_AUTHORITY, 1, "B", null,
                "registration authority (position 1) 'B' is not one of 1-9, A, N, Y")), violations);
    }

    @Test
    void shouldReportOnlyEntityTypeWhenAuthorityDoesNotUseIt() {
        List<UsccViolation> violations = Uscc.validate("94440300192203821W").violations();

        assertEquals(List.of(new UsccViolation(UsccPart.ENTITY_TYPE, 2, "4", null,
                "entity type (position 2) '4' is not used by registration authority '9', which uses 1, 2, 3")), violations);
    }

    @Test
    void shouldFollowTheStandardWhenPairingAuthoritiesWithEntityTypes() {
        for (char authority : ALPHABET.toCharArray()) {
            for (char entityType : ALPHABET.toCharArray()) {
                String code = withCheckCharacter("" + authority + entityType + "440300192203821");
                String allowed = ENTITY_TYPES_BY_AUTHORITY.get(authority);
                List<UsccPart> expected = allowed == null ? List.of(UsccPart.REGISTRATION_AUTHORITY)
                        : allowed.indexOf(entityType) < 0 ? List.of(UsccPart.ENTITY_TYPE) : List.of();

                assertEquals(expected, parts(Uscc.validate(code).violations()), code);
            }
        }
    }

    @Test
    void shouldAcceptRegionWhenItStartsWithAProvinceOrCentralCode() {
        for (String prefix : REGION_PREFIXES) {
            String code = withCheckCharacter("91" + prefix + "0000192203821");

            assertTrue(Uscc.isValid(code), code);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"990300", "000000", "160000", "200000", "380000", "470000", "720000", "830000", "4A0300", "44030X"})
    void shouldReportOnlyRegionWhenRegionIsNoAdministrativeDivision(String region) {
        List<UsccViolation> violations = Uscc.validate(withCheckCharacter("91" + region + "192203821")).violations();

        assertEquals(List.of(UsccPart.REGION_CODE), parts(violations));
        assertEquals(3, violations.getFirst().position());
        assertEquals(region, violations.getFirst().actual());
    }

    @Test
    void shouldReportEveryViolatedPartWhenSeveralAreWrong() {
        InvalidUsccException e = assertThrows(InvalidUsccException.class,
                () -> Uscc.parse("B2990300192203822X", "body.issuerUscc"));

        assertEquals(List.of(UsccPart.REGISTRATION_AUTHORITY, UsccPart.REGION_CODE, UsccPart.ORGANISATION_CODE_CHECK,
                UsccPart.CHECK_CHARACTER), parts(e.violations()));
        assertEquals(List.of("registration-authority", "region-code", "organisation-code-check", "check-character"),
                e.errors().stream().map(FieldError::code).toList());
        assertTrue(e.errors().stream().allMatch(error -> error.field().equals("body.issuerUscc")));
        assertEquals(4, e.detail().split("; ").length, e.detail());
    }

    @Test
    void shouldComputeCheckCharactersWhenGivenValidPrefixes() {
        assertEquals('6', Uscc.checkCharacter("91440300192203821"));
        assertEquals('1', Uscc.organisationCodeCheckCharacter("19220382"));
        assertEquals('X', Uscc.organisationCodeCheckCharacter("71526726"));
        assertEquals('0', Uscc.organisationCodeCheckCharacter("00000000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9144030019220382", "914403001922038216", "9144O300192203821", "9144o300192203821"})
    void shouldRefuseCheckCharacterWhenPrefixIsNotSeventeenAlphabetCharacters(String first17) {
        assertThrows(IllegalArgumentException.class, () -> Uscc.checkCharacter(first17));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1922038", "192203821", "1922038I"})
    void shouldRefuseOrganisationCheckCharacterWhenBodyIsNotEightAlphabetCharacters(String body8) {
        assertThrows(IllegalArgumentException.class, () -> Uscc.organisationCodeCheckCharacter(body8));
    }

    @Test
    void shouldRefuseCheckCharacterWhenPrefixIsNull() {
        assertThrows(IllegalArgumentException.class, () -> Uscc.checkCharacter(null));
    }

    @Test
    void shouldBeEqualWhenNormalisedValuesAreEqual() {
        Uscc typed = Uscc.parse("９１４４０３００１９２２０３８２１６");
        Uscc pasted = Uscc.parse(HUAWEI);

        assertEquals(pasted, typed);
        assertEquals(pasted.hashCode(), typed.hashCode());
        assertEquals(HUAWEI, typed.toString());
    }

    @Test
    void shouldReadAndWriteJsonStringWhenBoundByJackson() throws Exception {
        Uscc uscc = json.readValue("\"9144030071526726xg\"", Uscc.class);

        assertEquals("9144030071526726XG", uscc.value());
        assertEquals("\"9144030071526726XG\"", json.writeValueAsString(uscc));
    }

    @Test
    void shouldFailWithInvalidUsccCauseWhenJsonFieldIsInvalid() {
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> json.readValue("{\"issuer\": \"91440300192203821X\"}", IssuerBody.class));

        InvalidUsccException cause = assertInstanceOf(InvalidUsccException.class, e.getCause());
        assertEquals(List.of(UsccPart.CHECK_CHARACTER), parts(cause.violations()));
    }

    @Test
    void shouldStayValidOnlyUntilAnyCharacterChangesWhenBuiltFromRandomPrefixes() {
        // Seeded so that a failure reproduces; the modulus 31 is prime, so every single substitution must be caught.
        Random random = new Random(32100);
        for (int sample = 0; sample < 200; sample++) {
            String code = withCheckCharacter(randomStructuredPrefix(random));
            assertTrue(Uscc.isValid(code), () -> code + ": " + Uscc.validate(code).violations());

            for (int position = 0; position < code.length(); position++) {
                for (char replacement : ALPHABET.toCharArray()) {
                    if (replacement != code.charAt(position)) {
                        String changed = code.substring(0, position) + replacement + code.substring(position + 1);
                        assertFalse(Uscc.isValid(changed), () -> code + " changed to " + changed);
                    }
                }
            }
        }
    }

    private static String randomStructuredPrefix(Random random) {
        List<Character> authorities = List.copyOf(ENTITY_TYPES_BY_AUTHORITY.keySet());
        char authority = authorities.get(random.nextInt(authorities.size()));
        String entityTypes = ENTITY_TYPES_BY_AUTHORITY.get(authority);
        StringBuilder prefix = new StringBuilder()
                .append(authority)
                .append(entityTypes.charAt(random.nextInt(entityTypes.length())))
                .append(REGION_PREFIXES.get(random.nextInt(REGION_PREFIXES.size())));
        for (int i = 0; i < 4; i++) {
            prefix.append((char) ('0' + random.nextInt(10)));
        }
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return prefix.append(body).append(Uscc.organisationCodeCheckCharacter(body)).toString();
    }

    private static String withCheckCharacter(String first17) {
        return first17 + Uscc.checkCharacter(first17);
    }

    private static List<UsccPart> parts(List<UsccViolation> violations) {
        return violations.stream().map(UsccViolation::part).toList();
    }

    record IssuerBody(Uscc issuer) {
    }
}
