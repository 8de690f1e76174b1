package cn.opencredit.gateway.sampling;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.evaluation.EvaluationFixtures;
import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.uscc.Uscc;

/**
 * Areas of their own for sampling tests: each is a prefecture 71NN of province 71 (台湾省, which
 * neither the seed nor other fixtures use) with a department bound to 71NN00, whose scope is 71NN,
 * and subjects whose grades come from real inputs (years since registration, a
 * serious penalty, a red or a black list entry), evaluated by the gateway itself.
 */
@ApplicationScoped
public class SamplingFixtures {

    private static final AtomicInteger AREAS = new AtomicInteger(10);
    private static final AtomicInteger SUBJECTS = new AtomicInteger();
    static final String PROBLEMS = "https://api.opencredit.cn/problems/";
    static final String PROBLEM = "application/problem+json";
    /** The department of the fixtures' own records and list entries: not one of the areas'. */
    static final String OTHER_DEPARTMENT = uscc("11", "710000", "CD000000");

    private final AgroalDataSource dataSource;
    private final EvaluationFixtures evaluations;

    SamplingFixtures(AgroalDataSource dataSource, EvaluationFixtures evaluations) {
        this.dataSource = dataSource;
        this.evaluations = evaluations;
    }

    /**
     * A prefecture of its own: {@code scope} 71NN, its county {@code region} 71NN01, and a department
     * bound to 71NN00 with a key of the department type's scopes.
     */
    record Area(String scope, String region, String departmentUscc, String departmentName, String departmentKey) {
    }

    Area area() {
        String scope = "71" + AREAS.getAndIncrement();
        String department = uscc("11", scope + "00", "CD%06d".formatted(SUBJECTS.incrementAndGet()));
        String name = "测试" + scope + "市市场监督管理局";
        String id = AccessFixtures.createConsumer(name, ConsumerType.DEPARTMENT, department, null, "standard");
        return new Area(scope, scope + "01", department, name, AccessFixtures.issueKey(id));
    }

    static String uscc(String authorityAndType, String region, String body8) {
        String first17 = authorityAndType + region + body8 + Uscc.organisationCodeCheckCharacter(body8);
        return first17 + Uscc.checkCharacter(first17);
    }

    /** A new active subject of {@code region} whose evaluation will give it {@code grade} (A to D). */
    String subject(String region, char grade) {
        return subject(region, grade, "C", "91");
    }

    /**
     * A new active subject: an enterprise ({@code 91}) or individual business ({@code 92}) of the
     * industry section; A: registered 12 years ago and on the red list (800); B: 5 years, nothing
     * else (720); C: 5 years and a serious penalty 10 days ago (570); D: 5 years and black-listed.
     */
    String subject(String region, char grade, String industry, String authorityAndType) {
        String uscc = uscc(authorityAndType, region, "CP%06d".formatted(SUBJECTS.incrementAndGet()));
        LocalDate today = ChinaTime.today(java.time.Clock.systemUTC());
        long id = id("""
                INSERT INTO subject (uscc, name, subject_type, legal_representative, region_code, industry_section, registered_on, status)
                VALUES (?, ?, ?, '张伟', ?, ?, ?, 'ACTIVE') RETURNING id""", uscc, "抽查测试（" + uscc.substring(10, 16) + "）有限公司",
                "92".equals(authorityAndType) ? "INDIVIDUAL_BUSINESS" : "ENTERPRISE", region, industry,
                today.minusYears(grade == 'A' ? 12 : 5).minusDays(1));
        switch (grade) {
            case 'A' -> listEntry(id, "RED");
            case 'C' -> record(id, "PENALTY", "SERIOUS", today.minusDays(10), "penalty-" + uscc, "PUBLISHED");
            case 'D' -> listEntry(id, "BLACK");
            default -> {
            }
        }
        return uscc;
    }

    /** An inspection record of the subject, decided on {@code decided}. */
    void inspection(String uscc, LocalDate decided, String status) {
        long id = id("SELECT id FROM subject WHERE uscc = ?", uscc);
        record(id, "INSPECTION", null, decided, "inspection-" + uscc + "-" + decided + "-" + status, status);
    }

    private void record(long subjectId, String category, String severity, LocalDate decided, String sourceId, String status) {
        execute("""
                INSERT INTO credit_record (subject_id, category, source_department, source_department_uscc, source_record_id, title,
                    decision_date, reported_on, content, severity, disclosure_level, published_from, published_until, status)
                VALUES (?, ?, '测试检查局', ?, ?, '测试记录', ?, ?, '测试', ?, 'PUBLIC', ?, ?, ?)""", subjectId, category,
                OTHER_DEPARTMENT, sourceId, decided, decided, severity, decided, decided.plusYears(2), status);
    }

    private void listEntry(long subjectId, String type) {
        execute("""
                INSERT INTO list_entry (subject_id, list_type, authority, authority_uscc, reason, legal_basis, included_at)
                VALUES (?, ?, '测试认定机关', ?, '抽查测试', '《测试办法》第一条', ?)""", subjectId, type, OTHER_DEPARTMENT,
                OffsetDateTime.now().minusDays(5));
    }

    /** Waits until the gateway has evaluated every subject written so far. */
    void evaluated() {
        evaluations.awaitQuiet();
    }

    String grade(String uscc) {
        return text("SELECT e.grade FROM evaluation e JOIN subject s ON s.id = e.subject_id WHERE s.uscc = ?", uscc);
    }

    /** The rows of sampling's tables and of the tables its results write to, to show that a refusal changed nothing. */
    Map<String, Long> counts() {
        return Map.of("sampling_plan", count("SELECT count(*) FROM sampling_plan"),
                "sampling_population", count("SELECT count(*) FROM sampling_population"),
                "sampling_sample", count("SELECT count(*) FROM sampling_sample"),
                "reported", count("SELECT count(*) FROM sampling_sample WHERE reported_at IS NOT NULL"),
                "credit_record", count("SELECT count(*) FROM credit_record"),
                "ingestion_batch", count("SELECT count(*) FROM ingestion_batch"));
    }

    // ---- The API ----

    static RequestSpecification as(String key) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return key == null ? request : request.header("Authorization", AccessFixtures.bearer(key));
    }

    static Response create(String key, Object body) {
        return as(key).body(body).when().post("/api/v1/inspection-plans");
    }

    /** Creates the plan, expecting 201, and answers it. */
    static JsonPath created(String key, Object body) {
        Response response = create(key, body);
        response.then().log().ifValidationFails().statusCode(201);
        return response.jsonPath();
    }

    /** Every page of a plan's population or sample ({@code part}), walked in pages of {@code limit}, anonymously. */
    static List<Map<String, Object>> all(String planId, String part, int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/inspection-plans/{id}/" + part, planId).then().statusCode(200).extract().jsonPath();
            items.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return items;
    }

    // ---- Independent re-computations (javax.crypto, not the gateway's code) ----

    static String hmacHex(String seed, String uscc) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(uscc.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 hex over {@code uscc,grade\n} lines in USCC order. */
    static String populationHash(List<String[]> usccAndGrade) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            usccAndGrade.stream().sorted(java.util.Comparator.comparing(pair -> pair[0]))
                    .forEach(pair -> digest.update((pair[0] + "," + pair[1] + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The USCCs of {@code members} a draw takes first: ascending HMAC hex, the first {@code k}. */
    static List<String> firstByHmac(String seed, List<String> members, int k) {
        return members.stream().sorted(java.util.Comparator.comparing((String uscc) -> hmacHex(seed, uscc))).limit(k).toList();
    }

    // ---- JDBC ----

    long count(String sql, Object... args) {
        return id(sql, args);
    }

    String text(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = prepare(connection, sql, args);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String[]> rows(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = prepare(connection, sql, args);
                ResultSet rows = statement.executeQuery()) {
            List<String[]> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rows.getString(i + 1);
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long id(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = prepare(connection, sql, args);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = prepare(connection, sql, args)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }
}
