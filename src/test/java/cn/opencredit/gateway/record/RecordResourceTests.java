package cn.opencredit.gateway.record;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.response.Response;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.subject.SubjectFixtures;

@QuarkusTest
class RecordResourceTests {

    private static final String PROBLEM = "application/problem+json";

    private final SubjectFixtures fixtures;
    private final AgroalDataSource dataSource;
    private final AccessFixtures access;

    RecordResourceTests(SubjectFixtures fixtures, AgroalDataSource dataSource, AccessFixtures access) {
        this.fixtures = fixtures;
        this.dataSource = dataSource;
        this.access = access;
    }

    @BeforeEach
    void loadFixtures() {
        fixtures.ensureLoaded();
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP))).build();
    }

    @AfterEach
    void forgetKey() {
        RestAssured.requestSpecification = null;
    }

    /** The SQL visibility filter and RecordPolicies must agree on every stored record of the subject. */
    @Test
    void shouldListExactlyTheRecordsThePolicyMakesPublicNewestFirst() throws SQLException {
        List<String> expected = expectedVisibleIds(SubjectFixtures.RICH);
        assertEquals(expected, walk(SubjectFixtures.RICH, null, "4"));
        assertEquals(SubjectFixtures.RICH_VISIBLE_PLAIN_RECORDS + 3, expected.size());
    }

    @Test
    void shouldHideRecordsThatAreNotPublic() {
        given().queryParam("limit", "100").when().get("/api/v1/subjects/{uscc}/records", SubjectFixtures.RICH)
                .then().statusCode(200)
                .body("items.title", not(hasItem("fixture authorised")))
                .body("items.title", not(hasItem("fixture government")))
                .body("items.title", not(hasItem("fixture repaired")))
                .body("items.title", not(hasItem("fixture revoked")))
                .body("items.title", not(hasItem("fixture window-ended")))
                .body("items.title", not(hasItem("fixture not-yet-published")))
                .body("items.title", hasItem("fixture window-ends-today"))
                .body("items.find { it.title == 'fixture disputed' }.disputed", equalTo(true))
                .body("items.find { it.title == 'fixture disputed' }.status", equalTo("disputed"))
                .body("items.find { it.title == 'fixture corrected' }.disputed", equalTo(false));
    }

    @Test
    void shouldRenderPenaltyWithSeverityAndExactAmount() {
        given().queryParam("category", "penalty").queryParam("limit", "1")
                .when().get("/api/v1/subjects/{uscc}/records", SubjectFixtures.RICH)
                .then().statusCode(200)
                .body("items[0].category", equalTo("penalty"))
                .body("items[0].severity", equalTo("general"))
                .body("items[0].amount.amount", equalTo("12345.67"))
                .body("items[0].amount.currency", equalTo("CNY"))
                .body("items[0].sourceDepartment.uscc", equalTo(SubjectFixtures.DEPARTMENT_USCC))
                .body("items[0].sourceDepartment.name", equalTo(SubjectFixtures.DEPARTMENT));
    }

    @Test
    void shouldWalkOneCategoryExactlyOnce() {
        List<String> penalties = walk(SubjectFixtures.RICH, "penalty", "2");
        assertEquals(7, penalties.size());
        assertEquals(penalties.stream().distinct().count(), penalties.size());
        given().queryParam("category", "PENALTY").queryParam("limit", "100")
                .when().get("/api/v1/subjects/{uscc}/records", SubjectFixtures.RICH)
                .then().statusCode(200).body("items.category", everyItem(equalTo("penalty")));
    }

    @Test
    void shouldAnswerEmptyPageWhenSubjectHasNoRecords() {
        given().when().get("/api/v1/subjects/{uscc}/records", SubjectFixtures.BARE)
                .then().statusCode(200).body("items", empty()).body("nextCursor", nullValue());
    }

    @Test
    void shouldAnswer404WhenSubjectIsUnknown() {
        given().when().get("/api/v1/subjects/{uscc}/records", SubjectFixtures.UNREGISTERED)
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/subject-not-found"));
    }

    @Test
    void shouldAnswer400WhenUsccIsInvalid() {
        given().when().get("/api/v1/subjects/{uscc}/records", "914403001922038217")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.code", contains("check-character"))
                .body("errors[0].expected", equalTo("6"));
    }

    @Test
    void shouldAnswer400WhenCategoryIsUnknown() {
        given().queryParam("category", "speeding").when().get("/api/v1/subjects/{uscc}/records", SubjectFixtures.RICH)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("category"));
    }

    @Test
    void shouldAnswer400WhenCursorBelongsToAnotherSubjectOrCategory() {
        String cursor = given().queryParam("limit", "1").when().get("/api/v1/subjects/{uscc}/records", SubjectFixtures.RICH)
                .then().statusCode(200).extract().path("nextCursor");
        given().queryParam("cursor", cursor).queryParam("category", "licence")
                .when().get("/api/v1/subjects/{uscc}/records", SubjectFixtures.RICH)
                .then().statusCode(400).body("type", equalTo("https://api.opencredit.cn/problems/invalid-cursor"));
        given().queryParam("cursor", cursor).when().get("/api/v1/subjects/{uscc}/records", SubjectFixtures.BARE)
                .then().statusCode(400).body("type", equalTo("https://api.opencredit.cn/problems/invalid-cursor"));
    }

    private static List<String> walk(String uscc, String category, String limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", limit);
            if (category != null) {
                request.queryParam("category", category);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response response = request.when().get("/api/v1/subjects/{uscc}/records", uscc);
            response.then().statusCode(200);
            ids.addAll(response.path("items.id"));
            cursor = response.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private List<String> expectedVisibleIds(String uscc) throws SQLException {
        LocalDate today = ChinaTime.today(Clock.systemUTC());
        record Stored(long id, LocalDate decided, boolean visible) {
        }
        List<Stored> stored = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT r.id, r.decision_date, r.disclosure_level, r.status, r.published_from, r.published_until
                        FROM credit_record r JOIN subject s ON s.id = r.subject_id WHERE s.uscc = ?""")) {
            select.setString(1, uscc);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    LocalDate until = rows.getObject(6, LocalDate.class);
                    boolean visible = RecordVisibility.visible(RecordAudience.PUBLIC, DisclosureLevel.valueOf(rows.getString(3)),
                            RecordStatus.valueOf(rows.getString(4)), rows.getObject(5, LocalDate.class), until, today);
                    stored.add(new Stored(rows.getLong(1), rows.getObject(2, LocalDate.class), visible));
                }
            }
        }
        return stored.stream().filter(Stored::visible)
                .sorted(Comparator.comparing(Stored::decided).thenComparing(Stored::id).reversed())
                .map(s -> Long.toString(s.id())).toList();
    }
}
