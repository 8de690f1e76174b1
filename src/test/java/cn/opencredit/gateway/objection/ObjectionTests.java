package cn.opencredit.gateway.objection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.evaluation.EvaluationFixtures;
import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.testing.Jdbc;

/**
 * Objections end to end: who files, what the record shows meanwhile, each decision and what it
 * changes everywhere else (records, profile, change feed, history, evaluation, timeline).
 */
@QuarkusTest
class ObjectionTests {

    private static final String PROBLEM = "application/problem+json";
    private static final String DEPARTMENT = SubjectFixtures.uscc("11", "YYD00001");
    private static final String OTHER_DEPARTMENT = SubjectFixtures.uscc("11", "YYD00002");
    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    private final AgroalDataSource dataSource;
    private final SubjectFixtures subjects;
    private final AccessFixtures access;
    private final EvaluationFixtures evaluations;
    private static String departmentKey;
    private static String otherDepartmentKey;

    ObjectionTests(AgroalDataSource dataSource, SubjectFixtures subjects, AccessFixtures access, EvaluationFixtures evaluations) {
        this.dataSource = dataSource;
        this.subjects = subjects;
        this.access = access;
        this.evaluations = evaluations;
    }

    @BeforeEach
    void ready() {
        subjects.ensureLoaded();
        if (departmentKey == null) {
            departmentKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("异议测试市场监管局", ConsumerType.DEPARTMENT, DEPARTMENT, null,
                    "standard"));
            otherDepartmentKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("异议测试交通局", ConsumerType.DEPARTMENT, OTHER_DEPARTMENT,
                    null, "standard"));
        }
    }

    /** A subject with one general penalty of the department, and a consumer bound to it. */
    private record Case(String uscc, String subjectKey, long recordId) {
    }

    private Case newCase(String disclosureLevel) {
        String uscc = SubjectFixtures.uscc("91", "MA0Y%04d".formatted(SUBJECTS.incrementAndGet()));
        String name = "石河子异议测试（" + uscc.substring(10, 16) + "）有限公司";
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sourceRecordId", "YY-" + uscc);
        row.put("category", "penalty");
        row.put("subjectName", name);
        row.put("subjectUscc", uscc);
        row.put("subjectCategory", "法人及非法人组织");
        row.put("decisionNumber", "石市监罚〔2026〕" + uscc.substring(12, 16) + "号");
        row.put("title", "行政处罚决定书");
        row.put("decisionDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(20).toString());
        row.put("content", "销售标签不符合规定的预包装食品");
        row.put("severity", "general");
        row.put("disclosureLevel", disclosureLevel);
        row.put("sourceDepartment", "石河子市市场监督管理局");
        row.put("sourceDepartmentUscc", DEPARTMENT);
        as(departmentKey).body(Map.of("rows", List.of(row))).when().post("/api/v1/ingest/records").then().statusCode(200)
                .body("refused", equalTo(0));
        String subjectKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("主体 " + uscc, ConsumerType.SUBJECT, uscc, null, "standard"));
        return new Case(uscc, subjectKey, Jdbc.scalar(dataSource, "SELECT id FROM credit_record WHERE source_record_id = ?", "YY-" + uscc));
    }

    private static RequestSpecification as(String key) {
        return given().header("Authorization", AccessFixtures.bearer(key)).contentType(ContentType.JSON);
    }

    private static JsonPath file(Case c, String key) {
        return as(key).body(Map.of("recordId", c.recordId(), "reason", "该处罚决定已经行政复议撤销")).when().post("/api/v1/objections")
                .then().statusCode(201).extract().jsonPath();
    }

    private String recordStatus(long id) {
        return Jdbc.text(dataSource, "SELECT status FROM credit_record WHERE id = ?", id);
    }

    @Test
    void shouldShowTheRecordDisputedEverywhereOnceFiled() {
        Case c = newCase("public");
        JsonPath filed = file(c, c.subjectKey());
        assertEquals("filed", filed.getString("state"));
        assertEquals(DEPARTMENT, filed.getString("departmentUscc"));
        assertEquals("subject", filed.getString("filerType"));
        assertEquals(List.of("filed"), filed.getList("events.transition"));
        assertEquals("DISPUTED", recordStatus(c.recordId()));
        given().when().get("/api/v1/subjects/{uscc}", c.uscc()).then().statusCode(200)
                .body("latestRecords.find { it.id == '" + c.recordId() + "' }.disputed", equalTo(true));
        given().header("Authorization", AccessFixtures.bearer(c.subjectKey())).when().get("/api/v1/subjects/{uscc}/timeline", c.uscc())
                .then().statusCode(200).body("items[0].workflow", equalTo("objection")).body("items[0].transition", equalTo("filed"));
        assertTrue(Jdbc.scalar(dataSource, "SELECT count(*) FROM history_entry WHERE table_name = 'credit_record' AND row_id = ? AND content->>'status' = 'DISPUTED'",
                c.recordId()) == 1, "the history keeps the disputed version");

        as(c.subjectKey()).body(Map.of("recordId", c.recordId(), "reason", "再次异议")).when().post("/api/v1/objections").then().statusCode(409)
                .contentType(PROBLEM).body("detail", containsString("under objection already"));
    }

    @Test
    void shouldAnswerTheSameObjectionForTheSameKeyAndRefuseTheKeyForAnother() {
        Case c = newCase("public");
        Map<String, Object> body = Map.of("recordId", c.recordId(), "reason", "处罚对象错误");
        String id = as(c.subjectKey()).header("Idempotency-Key", "obj-" + c.uscc()).body(body).when().post("/api/v1/objections")
                .then().statusCode(201).extract().path("id");
        as(c.subjectKey()).header("Idempotency-Key", "obj-" + c.uscc()).body(body).when().post("/api/v1/objections").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        as(c.subjectKey()).header("Idempotency-Key", "obj-" + c.uscc()).body(Map.of("recordId", c.recordId(), "reason", "另一理由"))
                .when().post("/api/v1/objections").then().statusCode(409)
                .body("type", equalTo("https://api.opencredit.cn/problems/idempotency-key-reused"));
        assertEquals(1, Jdbc.scalar(dataSource, "SELECT count(*) FROM objection WHERE record_id = ?", c.recordId()));
    }

    @Test
    void shouldLetOnlyPartiesFileAndNoOneDisputeWhatTheyCannotSee() {
        Case c = newCase("public");
        Case other = newCase("public");
        as(other.subjectKey()).body(Map.of("recordId", c.recordId(), "reason", "不是我的")).when().post("/api/v1/objections").then()
                .statusCode(403).contentType(PROBLEM).body("detail", containsString("its own records"));
        as(access.key(ConsumerType.APP)).body(Map.of("recordId", c.recordId(), "reason", "x")).when().post("/api/v1/objections").then()
                .statusCode(403);
        as(departmentKey).body(Map.of("recordId", c.recordId(), "reason", "x")).when().post("/api/v1/objections").then().statusCode(403);
        as(c.subjectKey()).body(Map.of("recordId", 999999999, "reason", "x")).when().post("/api/v1/objections").then().statusCode(404);
        as(c.subjectKey()).body(Map.of("recordId", c.recordId(), "reason", " ")).when().post("/api/v1/objections").then().statusCode(400);
        assertEquals("PUBLISHED", recordStatus(c.recordId()), "nothing changed");

        Case authorised = newCase("authorised");
        as(access.key(ConsumerType.BANK)).body(Map.of("recordId", authorised.recordId(), "reason", "数据有误")).when().post("/api/v1/objections")
                .then().statusCode(404);
        JsonPath byBank = file(c, access.key(ConsumerType.BANK));
        assertEquals("bank", byBank.getString("filerType"));
        assertEquals(0, Jdbc.scalar(dataSource, "SELECT count(*) FROM objection WHERE record_id = ?", authorised.recordId()));
    }

    @Test
    void shouldStopPublishingARevokedRecordAndReEvaluate() {
        Case c = newCase("public");
        evaluations.awaitQuiet();
        assertEquals("660", Jdbc.text(dataSource, "SELECT score::text FROM evaluation e JOIN subject s ON s.id = e.subject_id WHERE s.uscc = ?", c.uscc()));
        JsonPath filed = file(c, c.subjectKey());
        String id = filed.getString("id");

        as(otherDepartmentKey).body(Map.of("outcome", "revoked", "reason", "x", "version", 0)).when().post("/api/v1/objections/{id}/decision", id)
                .then().statusCode(403).body("detail", containsString(DEPARTMENT));
        as(departmentKey).body(Map.of("outcome", "revoked", "reason", "x", "version", 7)).when().post("/api/v1/objections/{id}/decision", id)
                .then().statusCode(409).body("detail", containsString("version"));
        as(departmentKey).body(Map.of("outcome", "upheld", "reason", "x", "version", 0, "correction", Map.of("content", "y")))
                .when().post("/api/v1/objections/{id}/decision", id).then().statusCode(400);
        assertEquals("DISPUTED", recordStatus(c.recordId()));

        JsonPath decided = as(departmentKey).body(Map.of("outcome", "revoked", "reason", "原处罚决定已被复议机关撤销", "version", 0))
                .when().post("/api/v1/objections/{id}/decision", id).then().statusCode(200).extract().jsonPath();
        assertEquals("revoked", decided.getString("state"));
        assertEquals(List.of("filed", "decided"), decided.getList("events.transition"));
        assertEquals("REVOKED", recordStatus(c.recordId()));
        given().when().get("/api/v1/subjects/{uscc}", c.uscc()).then().statusCode(200)
                .body("latestRecords.id", not(hasItem(Long.toString(c.recordId()))));
        evaluations.awaitQuiet();
        assertEquals("700", Jdbc.text(dataSource, "SELECT score::text FROM evaluation e JOIN subject s ON s.id = e.subject_id WHERE s.uscc = ?", c.uscc()),
                "the revoked penalty no longer counts");

        as(departmentKey).body(Map.of("outcome", "upheld", "reason", "x", "version", 1)).when().post("/api/v1/objections/{id}/decision", id)
                .then().statusCode(409).body("detail", containsString("revoked already"));
    }

    @Test
    void shouldCorrectARecordAsANewVersionKeepingTheOldOne() {
        Case c = newCase("public");
        String id = file(c, c.subjectKey()).getString("id");
        long versionsBefore = Jdbc.scalar(dataSource, "SELECT count(*) FROM history_entry WHERE table_name = 'credit_record' AND row_id = ?", c.recordId());
        as(departmentKey).body(Map.of("outcome", "corrected", "reason", "文号录入有误", "version", 0,
                        "correction", Map.of("decisionNumber", "石市监罚〔2026〕9999号", "severity", "minor")))
                .when().post("/api/v1/objections/{id}/decision", id).then().statusCode(200).body("state", equalTo("corrected"));
        assertEquals("CORRECTED", recordStatus(c.recordId()));
        assertEquals("石市监罚〔2026〕9999号", Jdbc.text(dataSource, "SELECT decision_number FROM credit_record WHERE id = ?", c.recordId()));
        assertEquals("MINOR", Jdbc.text(dataSource, "SELECT severity FROM credit_record WHERE id = ?", c.recordId()));
        assertEquals(versionsBefore + 1, Jdbc.scalar(dataSource, "SELECT count(*) FROM history_entry WHERE table_name = 'credit_record' AND row_id = ?",
                c.recordId()));
        assertTrue(Jdbc.text(dataSource, "SELECT content->>'decision_number' FROM history_entry WHERE table_name = 'credit_record' AND row_id = ? "
                + "ORDER BY sequence LIMIT 1", c.recordId()).endsWith(c.uscc().substring(12, 16) + "号"), "the first version is kept");
    }

    @Test
    void shouldPutTheRecordBackWhenUpheldOrWithdrawn() {
        Case upheld = newCase("public");
        String id = file(upheld, upheld.subjectKey()).getString("id");
        as(departmentKey).body(Map.of("outcome", "upheld", "reason", "经核实，处罚事实清楚", "version", 0))
                .when().post("/api/v1/objections/{id}/decision", id).then().statusCode(200).body("state", equalTo("upheld"));
        assertEquals("PUBLISHED", recordStatus(upheld.recordId()));

        Case withdrawn = newCase("public");
        String other = file(withdrawn, withdrawn.subjectKey()).getString("id");
        as(access.key(ConsumerType.BANK)).body(Map.of("version", 0)).when().post("/api/v1/objections/{id}/withdrawal", other).then()
                .statusCode(403);
        as(withdrawn.subjectKey()).body(Map.of("version", 0, "reason", "撤回")).when().post("/api/v1/objections/{id}/withdrawal", other).then()
                .statusCode(200).body("state", equalTo("withdrawn"));
        assertEquals("PUBLISHED", recordStatus(withdrawn.recordId()));
    }

    @Test
    void shouldCiteOnlyTheFilersOwnEvidenceAndShowTheTimelineToTheSubjectAndOperatorsOnly() {
        Case c = newCase("public");
        Case other = newCase("public");
        byte[] pdf = "%PDF-1.7\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        String own = given().header("Authorization", AccessFixtures.bearer(c.subjectKey())).contentType("application/pdf").body(pdf)
                .when().post("/api/v1/evidence").then().statusCode(201).extract().path("id");
        String foreign = given().header("Authorization", AccessFixtures.bearer(other.subjectKey())).contentType("application/pdf").body(pdf)
                .when().post("/api/v1/evidence").then().statusCode(201).extract().path("id");
        as(c.subjectKey()).body(Map.of("recordId", c.recordId(), "reason", "附复议决定书", "evidence", List.of(foreign)))
                .when().post("/api/v1/objections").then().statusCode(400).body("errors[0].field", equalTo("evidence"));
        assertEquals("PUBLISHED", recordStatus(c.recordId()), "nothing changed");
        as(c.subjectKey()).body(Map.of("recordId", c.recordId(), "reason", "附复议决定书", "evidence", List.of(own)))
                .when().post("/api/v1/objections").then().statusCode(201).body("evidence", equalTo(List.of(own)));

        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).when().get("/api/v1/subjects/{uscc}/timeline", c.uscc())
                .then().statusCode(200).body("items.transition", hasItem("filed"));
        given().header("Authorization", AccessFixtures.bearer(other.subjectKey())).when().get("/api/v1/subjects/{uscc}/timeline", c.uscc())
                .then().statusCode(403);
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.BANK))).when().get("/api/v1/subjects/{uscc}/timeline",
                c.uscc()).then().statusCode(403);
    }

    @Test
    void shouldShowOverdueObjectionsInTheDepartmentsQueue() {
        Case c = newCase("public");
        String id = file(c, c.subjectKey()).getString("id");
        Jdbc.execute(dataSource, "UPDATE objection SET due_on = current_date - 3 WHERE id = ?", Long.parseLong(id));
        as(departmentKey).queryParam("overdue", "true").when().get("/api/v1/objections").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.find { it.id == '" + id + "' }.overdue", equalTo(true));
        as(otherDepartmentKey).queryParam("overdue", "true").when().get("/api/v1/objections").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as(c.subjectKey()).when().get("/api/v1/objections").then().statusCode(200).body("items.id", hasItem(id));
        as(otherDepartmentKey).when().get("/api/v1/objections/{id}", id).then().statusCode(403);
        as(departmentKey).queryParam("state", "nonsense").when().get("/api/v1/objections").then().statusCode(400);
    }
}
