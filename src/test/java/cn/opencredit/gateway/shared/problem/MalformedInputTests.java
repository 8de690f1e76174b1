package cn.opencredit.gateway.shared.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * Inputs a fuzzer found to cause 5xx answers or empty error bodies: each is now a 4xx problem that
 * says what is wrong and where, and changes nothing.
 */
@QuarkusTest
class MalformedInputTests {

    private static final String PROBLEM = "application/problem+json";

    private final AgroalDataSource dataSource;
    private final SubjectFixtures subjects;

    MalformedInputTests(AgroalDataSource dataSource, SubjectFixtures subjects) {
        this.dataSource = dataSource;
        this.subjects = subjects;
    }

    @BeforeEach
    void fixtures() {
        subjects.ensureLoaded();
    }

    @Test
    void shouldAnswerMalformedPercentEncodingWithAProblem() throws IOException {
        for (String uri : new String[] {"/api/v1/subjects?cursor=%zz", "/api/v1/subjects/%zz", "/api/v1/subjects?q=%E4%B8",
                "/api/v1/subjects?q=a%", "/api/v1/subjects?q=a|b", "/nothing%G1"}) {
            // Sent as bytes: HTTP clients refuse to build such a request, but people and scanners send them.
            String answer = rawGet(uri);
            assertTrue(answer.startsWith("HTTP/1.1 400"), uri + ": " + answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"), answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("x-request-id: "), answer);
            assertTrue(answer.contains("\"type\":\"https://api.opencredit.cn/problems/malformed-uri\""), answer);
            assertTrue(answer.contains("\"field\":\"uri\""), answer);
        }
        given().urlEncodingEnabled(false).when().get("/api/v1/subjects?q=%E5%86%9C%E4%B8%9A&limit=1").then().statusCode(200);
    }

    private static String rawGet(String uri) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + uri + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldRefuseAFieldNamedTwiceAndCreateNothing() throws SQLException {
        String name = "twice " + java.util.UUID.randomUUID();
        given().auth().oauth2(AccessFixtures.OPERATOR_KEY).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"type\":\"bank\",\"plan\":\"standard\",\"plan\":null}")
                .when().post("/api/v1/admin/consumers")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/malformed-body"))
                .body("detail", containsString("names a field twice"))
                .body("detail", containsString("'plan'"));
        assertEquals(0, count("SELECT count(*) FROM access_consumer WHERE name = '" + name + "'"));
    }

    /**
     * Paths served by two resource classes (one's path a prefix of the other's) made the router
     * answer 404 to a method neither takes; the path exists, so it is 405 with Allow.
     */
    @Test
    void shouldAnswer405NotFoundToAMethodThePathDoesNotTake() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            given().auth().oauth2(AccessFixtures.OPERATOR_KEY)
                    .when().request(method, "/api/v1/subjects/{uscc}/access-log", SubjectFixtures.RICH)
                    .then().statusCode(405).contentType(PROBLEM)
                    .header("Allow", equalTo("GET, HEAD, OPTIONS"));
        }
        given().auth().oauth2(AccessFixtures.OPERATOR_KEY).when().get("/api/v1/lists/black/entries/999999999").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void shouldNotAskAReadForTheTypeOfABodyItDoesNotTake() {
        given().auth().oauth2(AccessFixtures.OPERATOR_KEY).contentType("text/plain")
                .when().get("/api/v1/admin/consumers").then().statusCode(200);
        given().auth().oauth2(AccessFixtures.OPERATOR_KEY).contentType("text/plain").when().get("/api/v1/lists/black/entries").then().statusCode(200);
    }

    @Test
    void shouldAnswerAnOverlongUriWithAProblem() {
        given().queryParam("q", "农".repeat(1_000)).when().get("/api/v1/subjects").then().statusCode(414).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/uri-too-long"))
                .body("detail", containsString("8192"));
        given().queryParam("q", "a".repeat(8_100)).when().get("/api/v1/subjects").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("q"));
    }

    @Test
    void shouldRefuseControlCharactersInJsonBodiesBeforeTheyReachTheDatabase() throws SQLException {
        long consumers = count("SELECT count(*) FROM access_consumer");
        operator().body("{\"name\":\"\\u0000\",\"type\":\"app\"}").when().post("/api/v1/admin/consumers")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/validation-failed"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo("control-character"));
        operator().body("{\"name\":\"银行\\u001b[31m\",\"type\":\"bank\"}").when().post("/api/v1/admin/consumers")
                .then().statusCode(400).body("errors[0].code", equalTo("control-character"));
        assertEquals(consumers, count("SELECT count(*) FROM access_consumer"), "nothing was created");

        long entries = count("SELECT count(*) FROM list_entry");
        operator().body("""
                        {"subjectUscc": "%s", "authority": "滑县市场监督管理局", "authorityUscc": "%s", "reason": "a\\u0000b",
                         "legalBasis": "《企业信息公示暂行条例》"}""".formatted(SubjectFixtures.RICH, SubjectFixtures.DEPARTMENT_USCC))
                .when().post("/api/v1/lists/abnormal/entries")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("reason"));
        assertEquals(entries, count("SELECT count(*) FROM list_entry"));

        operator().body("{\"note\":\"a\\u0000b\"}").when().post("/api/v1/admin/ingest/flags/1/resolution")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("note"))
                .body("errors[0].code", equalTo("control-character"));
        operator().body("{\"name\":\"多行\\n名称\\t可以\",\"type\":\"app\"}").when().post("/api/v1/admin/consumers")
                .then().statusCode(not(equalTo(500)));
    }

    @Test
    void shouldRefuseDatesOutsideTheCalendarItCanCountIn() {
        given().urlEncodingEnabled(false).header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY))
                .when().get("/api/v1/lists/watch/entries?includedTo=%2B999999999-12-31")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("includedTo"));
        given().when().get("/api/v1/stats/disclosures?from=2100-01-01").then().statusCode(401);
        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY))
                .queryParam("from", "2100-01-01").queryParam("to", "99999-01-01").when().get("/api/v1/stats/disclosures")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("from")).body("errors.field", hasItem("to"))
                .body("errors.code", hasItem("out-of-range"));
        given().queryParam("from", "1899-12-31").when().get("/api/v1/disclosures")
                .then().statusCode(400).body("errors[0].code", equalTo("out-of-range"));
    }

    @Test
    void shouldSayWhatIsWrongWithAMalformedCsvWithoutNamingAClass() {
        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY))
                .contentType("text/csv").body("行政相对人名称,行政许可决定文书号\nx,\"abc\n")
                .when().post("/api/v1/ingest/records")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("line 2"))
                .body("detail", not(containsString("org.apache")))
                .body("detail", not(containsString("Exception")));
    }

    private static io.restassured.specification.RequestSpecification operator() {
        return given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).contentType(ContentType.JSON);
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
