package cn.opencredit.gateway.subject;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SubjectResourceTests {

    private static final String PROBLEM = "application/problem+json";

    private final SubjectFixtures fixtures;

    SubjectResourceTests(SubjectFixtures fixtures) {
        this.fixtures = fixtures;
    }

    @BeforeEach
    void loadFixtures() {
        fixtures.ensureLoaded();
    }

    @Test
    void shouldReturnProfileWhenSubjectIsRegistered() {
        given().when().get("/api/v1/subjects/{uscc}", SubjectFixtures.RICH)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("uscc", equalTo(SubjectFixtures.RICH))
                .body("name", equalTo("石河子恒通物流有限公司"))
                .body("subjectType", equalTo("enterprise"))
                .body("legalRepresentative", equalTo("李明"))
                .body("regionCode", equalTo(SubjectFixtures.REGION))
                .body("industrySection", equalTo("G"))
                .body("registeredOn", equalTo("2015-03-18"))
                .body("status", equalTo("active"))
                .body("registeredCapital.amount", equalTo("1000000.50"))
                .body("registeredCapital.currency", equalTo("CNY"))
                .body("listMemberships.listType", containsInAnyOrder("red", "abnormal"))
                .body("recordCounts.licence", equalTo(6))
                .body("recordCounts.penalty", equalTo(7))
                // Categories with none of the five newest records are counted too.
                .body("recordCounts.inspection", equalTo(5))
                .body("recordCounts.'tax-credit-grade'", equalTo(4))
                .body("recordCounts", not(hasKey("judicial")))
                .body("latestRecords.size()", equalTo(5))
                .body("latestRecords[0].title", equalTo("fixture disputed"))
                .body("latestRecords[0].disputed", equalTo(true));
    }

    @Test
    void shouldReturnEmptyCollectionsWhenSubjectHasNoData() {
        given().when().get("/api/v1/subjects/{uscc}", SubjectFixtures.BARE)
                .then().statusCode(200)
                .body("listMemberships", empty())
                .body("latestRecords", empty())
                .body("recordCounts.size()", equalTo(0));
    }

    @Test
    void shouldFindSubjectWhenUsccIsLowerCase() {
        given().when().get("/api/v1/subjects/{uscc}", SubjectFixtures.BARE.toLowerCase(Locale.ROOT))
                .then().statusCode(200).body("uscc", equalTo(SubjectFixtures.BARE));
    }

    @Test
    void shouldFindSubjectWhenUsccIsTypedFullWidthWithSpaces() {
        given().urlEncodingEnabled(true)
                .when().get("/api/v1/subjects/{uscc}", "\u3000" + fullWidth(SubjectFixtures.BARE) + " ")
                .then().statusCode(200).body("uscc", equalTo(SubjectFixtures.BARE));
    }

    @Test
    void shouldAnswer404ProblemWhenValidUsccIsUnknown() {
        given().when().get("/api/v1/subjects/{uscc}", SubjectFixtures.UNREGISTERED)
                .then().statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/subject-not-found"))
                .body("status", equalTo(404))
                .body("detail", containsString(SubjectFixtures.UNREGISTERED))
                .body("instance", equalTo("/api/v1/subjects/" + SubjectFixtures.UNREGISTERED));
    }

    @Test
    void shouldAnswer400NamingExpectedCharacterWhenFinalCheckCharacterIsWrong() {
        String wrong = withCharAt(SubjectFixtures.RICH, 17, other(SubjectFixtures.RICH.charAt(17)));
        given().when().get("/api/v1/subjects/{uscc}", wrong)
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/invalid-uscc"))
                .body("detail", containsString("position 18"))
                .body("errors.code", contains("check-character"))
                .body("errors[0].field", equalTo("uscc"))
                .body("errors[0].expected", equalTo(String.valueOf(SubjectFixtures.RICH.charAt(17))));
    }

    @Test
    void shouldAnswer400NamingOrganisationCodeWhenPosition17IsWrong() {
        String wrong = withCharAt(SubjectFixtures.RICH, 16, other(SubjectFixtures.RICH.charAt(16)));
        given().when().get("/api/v1/subjects/{uscc}", wrong)
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/invalid-uscc"))
                .body("errors.code", hasItem("organisation-code-check"))
                .body("errors.find { it.code == 'organisation-code-check' }.expected", equalTo(String.valueOf(SubjectFixtures.RICH.charAt(16))));
    }

    @Test
    void shouldAnswer400WhenUsccHasWrongLengthOrForbiddenLetters() {
        given().when().get("/api/v1/subjects/{uscc}", SubjectFixtures.RICH.substring(0, 17))
                .then().statusCode(400).contentType(PROBLEM).body("errors.code", contains("length"));
        given().when().get("/api/v1/subjects/{uscc}", withCharAt(SubjectFixtures.RICH, 9, 'O'))
                .then().statusCode(400).contentType(PROBLEM).body("errors.code", contains("charset"));
    }

    @Test
    void shouldAnswer405ProblemWithAllowWhenMethodIsNotSupported() {
        given().contentType(ContentType.JSON).body("{}")
                .when().delete("/api/v1/subjects/{uscc}", SubjectFixtures.RICH)
                .then().statusCode(405)
                .contentType(PROBLEM)
                .header("Allow", containsString("GET"))
                .body("type", equalTo("https://api.opencredit.cn/problems/method-not-allowed"));
    }

    @Test
    void shouldAnswer406ProblemWhenClientAcceptsOnlyXml() {
        given().accept("application/xml")
                .when().get("/api/v1/subjects/{uscc}", SubjectFixtures.RICH)
                .then().statusCode(406)
                .body("type", equalTo("https://api.opencredit.cn/problems/not-acceptable"));
    }

    @Test
    void shouldAnswer404ProblemWhenPathIsUnknown() {
        given().when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/not-found"))
                .body("requestId", not(nullValue()));
    }

    @Test
    void shouldEchoClientRequestIdInProblems() {
        given().header("X-Request-Id", "trace-42")
                .when().get("/api/v1/subjects/{uscc}", SubjectFixtures.UNREGISTERED)
                .then().statusCode(404).body("requestId", equalTo("trace-42"));
    }

    @Test
    void shouldNeverLeakInternalsInProblems() {
        String body = given().when().get("/api/v1/subjects/{uscc}", "91'; DROP TABLE subject; --")
                .then().statusCode(400).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(body, not(containsString("Exception")));
        org.hamcrest.MatcherAssert.assertThat(body, not(containsString("at cn.")));
        org.hamcrest.MatcherAssert.assertThat(body, not(containsString("SELECT")));
        given().when().get("/api/v1/subjects/{uscc}", SubjectFixtures.RICH).then().statusCode(200);
    }

    @Test
    void shouldServeJsonUtf8() {
        given().when().get("/api/v1/subjects/{uscc}", SubjectFixtures.RICH)
                .then().statusCode(200).contentType(startsWith("application/json"));
    }

    static String fullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append((char) (c - 0x21 + 0xFF01)));
        return wide.toString();
    }

    static String withCharAt(String text, int index, char c) {
        return text.substring(0, index) + c + text.substring(index + 1);
    }

    /** Another character of the USCC charset, so only the check fails, not the charset. */
    static char other(char c) {
        return c == '3' ? '4' : '3';
    }
}
