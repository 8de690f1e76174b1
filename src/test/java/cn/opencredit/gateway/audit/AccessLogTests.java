package cn.opencredit.gateway.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

@QuarkusTest
class AccessLogTests {

    private final AccessFixtures access;
    private final SubjectFixtures subjects;
    private final AgroalDataSource dataSource;

    AccessLogTests(AccessFixtures access, SubjectFixtures subjects, AgroalDataSource dataSource) {
        this.access = access;
        this.subjects = subjects;
        this.dataSource = dataSource;
    }

    @BeforeEach
    void fixtures() {
        subjects.ensureLoaded();
    }

    @Test
    void shouldLogReadBeforeAnsweringAndShowItToTheSubject() throws SQLException {
        String requestId = "audit-" + UUID.randomUUID();
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.BANK)))
                .header("X-Purpose", "loan-application").header("X-Request-Id", requestId)
                .when().get("/api/v1/subjects/{uscc}", SubjectFixtures.RICH)
                .then().statusCode(200).header("X-Request-Id", requestId);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT consumer_id, consumer_type, key_id, subject_uscc, operation, purpose, outcome
                        FROM audit_access_log WHERE request_id = ?""")) {
            select.setString(1, requestId);
            try (ResultSet row = select.executeQuery()) {
                org.junit.jupiter.api.Assertions.assertTrue(row.next(), "the row is committed before the answer");
                assertEquals(access.id(ConsumerType.BANK), row.getString("consumer_id"));
                assertEquals("BANK", row.getString("consumer_type"));
                assertEquals(SubjectFixtures.RICH, row.getString("subject_uscc"));
                assertEquals("subject.profile", row.getString("operation"));
                assertEquals("loan-application", row.getString("purpose"));
                assertEquals(200, row.getInt("outcome"));
                org.junit.jupiter.api.Assertions.assertNotNull(row.getString("key_id"));
            }
        }
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.SUBJECT)))
                .queryParam("limit", "100")
                .when().get("/api/v1/subjects/{uscc}/access-log", SubjectFixtures.RICH)
                .then().statusCode(200)
                .body("items.find { it.purpose == 'loan-application' }.consumerName", equalTo("bank fixture"))
                .body("items.find { it.purpose == 'loan-application' }.consumerType", equalTo("bank"))
                .body("items.find { it.purpose == 'loan-application' }.operation", equalTo("subject.profile"));
    }

    @Test
    void shouldLogAnonymousReadsAndUnknownSubjectsButNotInvalidCodes() throws SQLException {
        String anonymous = "anon-" + UUID.randomUUID();
        given().header("X-Request-Id", anonymous).when().get("/api/v1/subjects/{uscc}", SubjectFixtures.BARE).then().statusCode(200);
        assertEquals("ANONYMOUS", single(anonymous, "consumer_type"));
        String unknown = "unknown-" + UUID.randomUUID();
        given().header("X-Request-Id", unknown).when().get("/api/v1/subjects/{uscc}", SubjectFixtures.UNREGISTERED).then().statusCode(404);
        assertEquals("404", single(unknown, "outcome"));
        String invalid = "invalid-" + UUID.randomUUID();
        given().header("X-Request-Id", invalid).when().get("/api/v1/subjects/{uscc}", "914403001922038217").then().statusCode(400);
        assertEquals(null, single(invalid, "outcome"));
    }

    @Test
    void shouldWalkTheLogNewestFirstInPages() {
        String bank = AccessFixtures.bearer(access.key(ConsumerType.CREDIT_AGENCY));
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", bank).when().get("/api/v1/subjects/{uscc}/records", SubjectFixtures.BARE).then().statusCode(200);
        }
        String operator = AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY);
        var first = given().header("Authorization", operator).queryParam("limit", "2")
                .when().get("/api/v1/subjects/{uscc}/access-log", SubjectFixtures.BARE)
                .then().statusCode(200).body("items", hasSize(2)).extract();
        String cursor = first.path("nextCursor");
        given().header("Authorization", operator).queryParam("limit", "2").queryParam("cursor", cursor)
                .when().get("/api/v1/subjects/{uscc}/access-log", SubjectFixtures.BARE)
                .then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void shouldRefuseToChangeOrDeleteLogRows() throws SQLException {
        given().when().get("/api/v1/subjects/{uscc}", SubjectFixtures.RICH).then().statusCode(200);
        try (Connection connection = dataSource.getConnection()) {
            assertThrows(SQLException.class, () -> connection.createStatement().executeUpdate("UPDATE audit_access_log SET outcome = 500"));
            assertThrows(SQLException.class, () -> connection.createStatement().executeUpdate("DELETE FROM audit_access_log"));
        }
    }

    private String single(String requestId, String column) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + column + " FROM audit_access_log WHERE request_id = ?")) {
            select.setString(1, requestId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
