package cn.opencredit.gateway.creditlist;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * Subjects, authorities and department keys of the list tests, each new per call so that tests
 * never see each other's entries: subjects are MA0L…, authorities MB0L… in the fixture region.
 */
@ApplicationScoped
public class ListFixtures {

    private static final AtomicInteger SUBJECTS = new AtomicInteger();
    private static final AtomicInteger AUTHORITIES = new AtomicInteger();

    private final AgroalDataSource dataSource;
    private final Map<String, String> departmentKeys = new ConcurrentHashMap<>();

    ListFixtures(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A new registered enterprise in the fixture region, with a legal representative. */
    String enterprise() {
        return subject("ENTERPRISE", "王建国", SubjectFixtures.REGION);
    }

    /** A new registered subject; {@code legalRepresentative} may be null. */
    String subject(String type, String legalRepresentative, String region) {
        String uscc = SubjectFixtures.uscc("91", "MA0L%04d".formatted(SUBJECTS.incrementAndGet()));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO subject (uscc, name, subject_type, legal_representative, region_code, registered_on, status)
                        VALUES (?, ?, ?, ?, ?, DATE '2018-06-01', 'ACTIVE')""")) {
            insert.setString(1, uscc);
            insert.setString(2, name(uscc));
            insert.setString(3, type);
            insert.setString(4, legalRepresentative);
            insert.setString(5, region);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return uscc;
    }

    /** The registered name of a subject made here; full-width brackets, as registers write them. */
    static String name(String uscc) {
        return "石河子名单测试（" + uscc.substring(10, 16) + "）有限公司";
    }

    /** A new government-body code that no department holds yet. */
    static String authority() {
        return SubjectFixtures.uscc("11", "MB0L%04d".formatted(AUTHORITIES.incrementAndGet()));
    }

    /** The key of a department consumer bound to this authority's USCC, made on first use. */
    String departmentKey(String authorityUscc) {
        return departmentKeys.computeIfAbsent(authorityUscc, uscc -> AccessFixtures.issueKey(
                AccessFixtures.createConsumer("部门 " + uscc, ConsumerType.DEPARTMENT, uscc, null, "standard")));
    }

    static RequestSpecification as(String key) {
        return given().header("Authorization", AccessFixtures.bearer(key)).contentType(ContentType.JSON);
    }

    static RequestSpecification asOperator() {
        return as(AccessFixtures.OPERATOR_KEY);
    }

    /** A valid inclusion body; callers override fields by putting them (null removes a field). */
    static Map<String, Object> inclusion(String subjectUscc, String authorityUscc) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectUscc", subjectUscc);
        body.put("authority", "石河子市测试局");
        body.put("authorityUscc", authorityUscc);
        body.put("reason", "测试原因");
        body.put("legalBasis", "《测试办法》第一条");
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    /** Includes as the operator and answers the new entry's id. */
    static String include(String type, Map<String, Object> body) {
        return asOperator().body(body).when().post("/api/v1/lists/{type}/entries", type).then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse remove(String key, String type, String id, String reason) {
        return as(key).body(Map.of("reason", reason, "note", "测试移出说明")).when()
                .post("/api/v1/lists/{type}/entries/{id}/removal", type, id).then();
    }

    /** The stored row of an entry, column name → value; empty when there is none. */
    Map<String, Object> row(String id) {
        Map<String, Object> row = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT * FROM list_entry WHERE id = ?")) {
            select.setLong(1, Long.parseLong(id));
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        row.put(rows.getMetaData().getColumnName(i), rows.getObject(i));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return row;
    }

    /** How many entries the subject has. */
    long entryCount(String subjectUscc) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT count(*) FROM list_entry e JOIN subject s ON s.id = e.subject_id WHERE s.uscc = ?")) {
            select.setString(1, subjectUscc);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
