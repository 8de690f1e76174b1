package cn.opencredit.gateway.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;

/**
 * The gateway as the sandbox: test keys only, consumers made by integrators themselves, the
 * 信易贷 cycle played with test keys on the synthetic seed, and the reset back to the seed's state.
 */
@QuarkusTest
@TestProfile(SandboxProfile.class)
class SandboxTests {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final int SEEDED_SUBJECTS = 300;

    private final AgroalDataSource dataSource;

    SandboxTests(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void shouldIssueTestKeysOnTheSandboxPlanToAnyoneWhoAsks() {
        given().contentType(ContentType.JSON).body(Map.of("name", "测试银行", "type", "bank"))
                .when().post("/api/v1/sandbox/consumers")
                .then().statusCode(201)
                .header("OpenCredit-Environment", "sandbox")
                .header("Location", startsWith("http"))
                .body("consumer.type", equalTo("bank"))
                .body("consumer.plan", equalTo("sandbox"))
                .body("consumer.scopes", hasItem("finance:read"))
                .body("key.key", startsWith("ocg_test_"))
                .body("key.prefix", startsWith("ocg_test_"));
    }

    @Test
    void shouldIssueTestKeysToOperatorsToo() {
        String id = AccessFixtures.createConsumer("运营创建的测试银行", cn.opencredit.gateway.access.ConsumerType.BANK, null, null, "sandbox");
        assertTrue(AccessFixtures.issueKey(id).startsWith("ocg_test_"));
    }

    @Test
    void shouldRefuseOperatorsAndBadBodiesBySelfServiceChangingNothing() {
        long before = count("SELECT count(*) FROM access_consumer");
        given().contentType(ContentType.JSON).body(Map.of("name", "我要当运营", "type", "operator"))
                .when().post("/api/v1/sandbox/consumers")
                .then().statusCode(400)
                .body("type", equalTo("https://api.opencredit.cn/problems/validation-failed"))
                .body("errors[0].field", equalTo("type"));
        given().contentType(ContentType.JSON).body(Map.of("name", "企业", "type", "subject"))
                .when().post("/api/v1/sandbox/consumers")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("type", "bank"))
                .when().post("/api/v1/sandbox/consumers")
                .then().statusCode(400);
        assertEquals(before, count("SELECT count(*) FROM access_consumer"));
    }

    @Test
    void shouldRefuseALiveKeyWithoutLookingItUp() {
        given().header("Authorization", "Bearer ocg_Xk3v9QaZr0s8F1nB2yT7uVwLq4eMhJcD")
                .when().get("/api/v1/subjects?q=公司")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("OpenCredit-Environment", "sandbox")
                .body("type", equalTo("https://api.opencredit.cn/problems/live-key-on-sandbox"))
                .body("detail", org.hamcrest.Matchers.containsString("https://api.opencredit.cn"));
    }

    @Test
    void shouldListTheSandboxServerInTheOpenApiDocument() {
        given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("servers.url", hasItem("https://sandbox.api.opencredit.cn"));
    }

    /** What LoanCycleScenarioTests does with live keys, in brief, with test keys made by self-service on a seeded subject. */
    @Test
    void shouldCarryTheXinYiDaiCycleWithTestKeysOnly() {
        String uscc = text("SELECT uscc FROM subject WHERE uscc LIKE '91%' AND subject_type <> 'NATURAL_PERSON' ORDER BY id LIMIT 1");
        String name = text("SELECT name FROM subject WHERE uscc = ?", uscc);
        String departmentUscc = text("SELECT source_department_uscc FROM credit_record ORDER BY id LIMIT 1");
        String department = text("SELECT source_department FROM credit_record WHERE source_department_uscc = ? LIMIT 1", departmentUscc);
        Map<String, String> bank = selfService(Map.of("name", "沙箱银行", "type", "bank"));
        Map<String, String> enterprise = selfService(Map.of("name", "沙箱企业", "type", "subject", "boundUscc", uscc));
        Map<String, String> dept = selfService(Map.of("name", "沙箱部门", "type", "department", "boundUscc", departmentUscc));

        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("subjectUscc", uscc);
        consent.put("granteeId", bank.get("id"));
        consent.put("purpose", "loan-application");
        consent.put("categories", List.of("profile", "evaluation", "lists"));
        consent.put("validUntil", TODAY.plusMonths(3).toString());
        consent.put("reference", "SX-" + uscc.substring(10));
        String consentId = as(enterprise.get("key")).body(consent).when().post("/api/v1/consents").then().statusCode(201).extract().path("id");
        as(bank.get("key")).when().get("/api/v1/finance/subjects/{uscc}/package", uscc).then().statusCode(200).body("consent.id", equalTo(consentId));

        Map<String, Object> demand = new LinkedHashMap<>();
        demand.put("subjectUscc", uscc);
        demand.put("amount", "800000.00");
        demand.put("termMonths", 12);
        demand.put("purpose", "采购原材料");
        demand.put("guaranteeType", "credit");
        demand.put("banks", List.of(bank.get("id")));
        String demandId = as(enterprise.get("key")).header("Idempotency-Key", "sx-" + uscc).body(demand).when().post("/api/v1/finance/demands")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> offer = Map.of("decision", "offer", "amount", "800000.00", "rateFrom", "3.45", "rateTo", "3.85", "termMonths", 12);
        String offerId = as(bank.get("key")).body(offer).when().post("/api/v1/finance/demands/{id}/responses", demandId).then().statusCode(200)
                .extract().path("responses[0].id");
        as(enterprise.get("key")).body(Map.of("offerId", offerId, "version", 0)).when().post("/api/v1/finance/demands/{id}/acceptance", demandId)
                .then().statusCode(200).body("state", equalTo("accepted"));

        // The department the integrator plays ingests a penalty of the synthetic subject; the enterprise sees the bank's pull.
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sourceRecordId", "SX-" + uscc);
        row.put("category", "penalty");
        row.put("subjectName", name);
        row.put("subjectUscc", uscc);
        row.put("subjectCategory", "法人及非法人组织");
        row.put("decisionNumber", "沙箱罚〔2026〕1号");
        row.put("title", "行政处罚决定书");
        row.put("decisionDate", TODAY.minusDays(3).toString());
        row.put("content", "沙箱测试");
        row.put("legalBasis", "《测试办法》第一条");
        row.put("severity", "general");
        row.put("amount", "5000.00");
        row.put("currency", "CNY");
        row.put("sourceDepartment", department);
        row.put("sourceDepartmentUscc", departmentUscc);
        as(dept.get("key")).body(Map.of("rows", List.of(row))).when().post("/api/v1/ingest/records").then().statusCode(200);
        as(enterprise.get("key")).when().get("/api/v1/subjects/{uscc}/access-log", uscc).then().statusCode(200)
                .body("items.consentId", hasItem(consentId));
    }

    @Test
    void shouldResetToTheSeedKeepingConsumersAndDroppingWhatTheyWrote() {
        String uscc = text("SELECT uscc FROM subject WHERE uscc LIKE '91%' AND subject_type <> 'NATURAL_PERSON' ORDER BY id DESC LIMIT 1");
        Map<String, String> bank = selfService(Map.of("name", "重置前的银行", "type", "bank"));
        Map<String, String> enterprise = selfService(Map.of("name", "重置前的企业", "type", "subject", "boundUscc", uscc));
        Map<String, Object> consent = Map.of("subjectUscc", uscc, "granteeId", bank.get("id"), "purpose", "loan-application",
                "categories", List.of("profile"), "validUntil", TODAY.plusMonths(1).toString(), "reference", "CZ-1");
        String consentId = as(enterprise.get("key")).body(consent).when().post("/api/v1/consents").then().statusCode(201).extract().path("id");
        long consumers = count("SELECT count(*) FROM access_consumer");

        as("ocg_test_not-an-operator").when().post("/api/v1/admin/sandbox/reset").then().statusCode(401);
        as(bank.get("key")).when().post("/api/v1/admin/sandbox/reset").then().statusCode(403);
        as(AccessFixtures.OPERATOR_KEY).when().post("/api/v1/admin/sandbox/reset").then().statusCode(200)
                .header("OpenCredit-Environment", "sandbox")
                .body("subjects", equalTo(SEEDED_SUBJECTS))
                .body("consumersKept", equalTo((int) consumers));

        assertEquals(0, count("SELECT count(*) FROM consent WHERE id::text = ?", consentId), "what the consumers wrote is gone");
        assertEquals(SEEDED_SUBJECTS, count("SELECT count(*) FROM subject"), "the seed's subjects, no more");
        assertEquals(consumers, count("SELECT count(*) FROM access_consumer"), "consumers kept");
        assertEquals(1, count("SELECT count(*) FROM sandbox_marker WHERE last_reset_at IS NOT NULL"), "the mark says when");
        // The integrator's test keys still work the day after.
        as(enterprise.get("key")).when().get("/api/v1/subjects/{uscc}/access-log", uscc).then().statusCode(200)
                .body("items.consentId", not(hasItem(consentId)));
    }

    private static Map<String, String> selfService(Map<String, String> body) {
        var created = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/sandbox/consumers").then().statusCode(201).extract();
        return Map.of("id", created.path("consumer.id"), "key", created.path("key.key"));
    }

    private static RequestSpecification as(String key) {
        return given().header("Authorization", AccessFixtures.bearer(key)).contentType(ContentType.JSON);
    }

    private long count(String sql, Object... args) {
        return Long.parseLong(text(sql.replace("count(*)", "count(*)::text"), args));
    }

    private String text(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
