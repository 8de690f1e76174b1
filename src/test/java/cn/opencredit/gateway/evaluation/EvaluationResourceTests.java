package cn.opencredit.gateway.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

/** The evaluation through the API: who sees what, and every write path moving the grade within seconds. */
@QuarkusTest
class EvaluationResourceTests {

    private static final String PROBLEM = "application/problem+json";
    private static final String TRANSPORT = SubjectFixtures.uscc("11", "EWD00001");

    private final EvaluationFixtures fixtures;
    private final SubjectFixtures subjects;
    private final AccessFixtures access;
    private final EvaluationWorker worker;
    private String departmentKey;

    EvaluationResourceTests(EvaluationFixtures fixtures, SubjectFixtures subjects, AccessFixtures access, EvaluationWorker worker) {
        this.fixtures = fixtures;
        this.subjects = subjects;
        this.access = access;
        this.worker = worker;
    }

    @BeforeEach
    void ready() {
        subjects.ensureLoaded();
        if (departmentKey == null) {
            departmentKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("评价测试交通局", ConsumerType.DEPARTMENT, TRANSPORT, null,
                    "standard"));
        }
        fixtures.awaitQuiet();
    }

    private static JsonPath read(String uscc, String key) {
        var request = given();
        if (key != null) {
            request.header("Authorization", AccessFixtures.bearer(key));
        }
        return request.when().get("/api/v1/subjects/{uscc}/evaluation", uscc).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath full(String uscc) {
        return read(uscc, AccessFixtures.OPERATOR_KEY);
    }

    private void ingest(Map<String, Object> row) {
        given().header("Authorization", AccessFixtures.bearer(departmentKey)).contentType(ContentType.JSON).body(Map.of("rows", List.of(row)))
                .when().post("/api/v1/ingest/records").then().statusCode(200).body("refused", equalTo(0));
    }

    private static Map<String, Object> seriousPenalty(String id, String uscc, LocalDate decided) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sourceRecordId", id);
        row.put("category", "penalty");
        row.put("subjectName", "石河子评价测试（" + uscc.substring(10, 16) + "）有限公司");
        row.put("subjectUscc", uscc);
        row.put("subjectCategory", "法人及非法人组织");
        row.put("decisionNumber", "石交罚〔2026〕" + id + "号");
        row.put("title", "行政处罚决定书");
        row.put("decisionDate", decided.toString());
        row.put("content", "超限运输，情节严重");
        row.put("severity", "serious");
        row.put("sourceDepartment", "石河子市交通运输局");
        row.put("sourceDepartmentUscc", TRANSPORT);
        return row;
    }

    private static int sumCounted(JsonPath evaluation) {
        return evaluation.<Integer>getList("contributions.counted").stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void shouldShowTheGradeToAnyoneAndTheScoreWithItsReasonsOnlyToTheSubjectAndDepartments() {
        String uscc = fixtures.enterprise(5);
        fixtures.awaitQuiet();

        given().when().get("/api/v1/subjects/{uscc}/evaluation", uscc).then().statusCode(200)
                .header("X-Cache", notNullValue())
                .body("state", equalTo("evaluated"))
                .body("detail", equalTo("summary"))
                .body("grade", equalTo("B"))
                .body("gradeZh", equalTo("良"))
                .body("supervisionClass", equalTo("general"))
                .body("summaryZh", equalTo("公共信用综合评价等级为良（B），一般监管"))
                .body("score", nullValue())
                .body("contributions", nullValue());
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.BANK)))
                .when().get("/api/v1/subjects/{uscc}/evaluation", uscc).then().statusCode(200).body("score", nullValue());

        JsonPath full = full(uscc);
        assertEquals("full", full.getString("detail"));
        assertEquals(720, full.getInt("score"));
        assertEquals(700, full.getInt("base"));
        assertEquals(List.of("operating-years:3"), full.getList("contributions.rule"));
        assertEquals(full.getInt("score"), full.getInt("base") + sumCounted(full));
        assertEquals(fixtures.text("SELECT version FROM evaluation_model WHERE status = 'PUBLISHED'"), full.getString("modelVersion"));
    }

    @Test
    void shouldShowTheSubjectItselfItsScore() {
        JsonPath own = read(SubjectFixtures.RICH, access.key(ConsumerType.SUBJECT));
        assertEquals("full", own.getString("detail"));
        assertEquals(own.getInt("score"), own.getInt("base") + sumCounted(own));
        assertFalse(own.getList("contributions").isEmpty());
        // The subject's government-only record never counts, so nothing it may not see explains its score.
        assertFalse(own.getList("contributions.source.label").contains("fixture government"));
        JsonPath other = read(SubjectFixtures.BARE, access.key(ConsumerType.SUBJECT));
        assertEquals("summary", other.getString("detail"));
    }

    @Test
    void shouldReEvaluateWithinSecondsWhenAPenaltyIsIngestedAndShowItInTheProfileAndHistory() {
        String uscc = fixtures.enterprise(5);
        fixtures.awaitQuiet();
        assertEquals("B", read(uscc, null).getString("grade"));
        given().when().get("/api/v1/subjects/{uscc}", uscc).then().statusCode(200).body("evaluation.grade", equalTo("B"));

        String id = "EV-" + System.nanoTime();
        ingest(seriousPenalty(id, uscc, LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(10)));
        fixtures.awaitQuiet();

        JsonPath after = full(uscc);
        assertEquals("C", after.getString("grade"));
        assertEquals(570, after.getInt("score"));
        assertEquals("focused", after.getString("supervisionClass"));
        assertEquals("record:penalty:serious", after.getString("contributions.find { it.source.kind == 'record' }.rule"));
        given().when().get("/api/v1/subjects/{uscc}", uscc).then().statusCode(200).body("evaluation.grade", equalTo("C"));
        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY))
                .when().get("/api/v1/subjects/{uscc}/evaluation/history", uscc).then().statusCode(200)
                .body("items.grade", contains("C", "B"))
                .body("items.score", contains(570, 720));
        given().when().get("/api/v1/subjects/{uscc}/evaluation/history", uscc).then().statusCode(200)
                .body("items.grade", contains("C", "B"))
                .body("items[0].score", nullValue());

        // The department revokes the decision: the penalty stops counting.
        Map<String, Object> revoked = seriousPenalty(id, uscc, LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(10));
        revoked.put("revoked", true);
        ingest(revoked);
        fixtures.awaitQuiet();
        assertEquals(720, full(uscc).getInt("score"));
    }

    @Test
    void shouldHoldABlackListedSubjectAtDUntilItIsRemoved() {
        String uscc = fixtures.enterprise(12);
        fixtures.awaitQuiet();
        assertEquals(740, full(uscc).getInt("score"));

        Map<String, Object> inclusion = Map.of("subjectUscc", uscc, "authority", "石河子市市场监督管理局",
                "authorityUscc", SubjectFixtures.DEPARTMENT_USCC, "reason", "严重违法失信", "legalBasis", "《严重违法失信名单管理办法》第二条");
        String entry = EvaluationFixtures.asOperator().body(inclusion).when().post("/api/v1/lists/black/entries").then().statusCode(201)
                .extract().path("id");
        fixtures.awaitQuiet();
        JsonPath listed = full(uscc);
        assertEquals("D", listed.getString("grade"));
        assertEquals("strict", listed.getString("supervisionClass"));
        assertEquals(440, listed.getInt("score"));
        assertEquals(List.of("list:black", "operating-years:10"), listed.getList("contributions.rule"));

        EvaluationFixtures.asOperator().body(Map.of("reason", "repaired", "note", "已完成信用修复")).when()
                .post("/api/v1/lists/black/entries/{id}/removal", entry).then().statusCode(200);
        fixtures.awaitQuiet();
        assertEquals("B", read(uscc, null).getString("grade"));
    }

    @Test
    void shouldStopGradingACancelledSubject() {
        String uscc = fixtures.enterprise(3);
        fixtures.awaitQuiet();
        fixtures.execute("UPDATE subject SET status = 'CANCELLED' WHERE uscc = ?", uscc);
        fixtures.awaitQuiet();
        given().when().get("/api/v1/subjects/{uscc}/evaluation", uscc).then().statusCode(200)
                .body("state", equalTo("not-evaluated"))
                .body("notEvaluated", equalTo("cancelled"))
                .body("grade", nullValue())
                .body("summaryZh", containsString("注销"));
        given().when().get("/api/v1/subjects/{uscc}", uscc).then().statusCode(200).body("evaluation", nullValue());
    }

    /** Time moves results too: a subject whose result changes today is queued by the sweep and evaluated again. */
    @Test
    void shouldEvaluateAgainWhenTheDayItsResultChangesHasCome() {
        String uscc = fixtures.enterprise(5);
        fixtures.awaitQuiet();
        fixtures.execute("UPDATE evaluation SET valid_until = current_date - 1, score = 1 WHERE uscc = ?", uscc);
        worker.sweep();
        fixtures.awaitQuiet();
        assertEquals(720, full(uscc).getInt("score"));
    }

    @Test
    void shouldAnswerProblemsForUnknownAndMalformedCodes() {
        given().when().get("/api/v1/subjects/{uscc}/evaluation", SubjectFixtures.UNREGISTERED).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/subject-not-found"));
        given().when().get("/api/v1/subjects/{uscc}/evaluation", "91659001MA0000015X").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/invalid-uscc"));
        given().when().get("/api/v1/subjects/{uscc}/evaluation/history", SubjectFixtures.UNREGISTERED).then().statusCode(404);
        given().when().get("/api/v1/subjects/{uscc}/evaluation/history?limit=0", SubjectFixtures.RICH).then().statusCode(400);
    }

    @Test
    void shouldListSubjectsOfAGradePageByPage() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(fixtures.enterprise(5));
        }
        fixtures.awaitQuiet();
        String bank = AccessFixtures.bearer(access.key(ConsumerType.BANK));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", bank).queryParam("grade", "B").queryParam("region", "659001").queryParam("limit", 50);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/evaluations").then().statusCode(200).extract().jsonPath();
            List<String> usccs = page.getList("items.uscc");
            assertFalse(usccs.isEmpty());
            page.getList("items.grade").forEach(grade -> assertEquals("B", grade));
            usccs.forEach(u -> assertFalse(seen.contains(u), "no subject twice"));
            if (!seen.isEmpty()) {
                assertEquals(-1, seen.getLast().compareTo(usccs.getFirst()) < 0 ? -1 : 1, "pages continue in USCC order");
            }
            seen.addAll(usccs);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        made.forEach(uscc -> assertEquals(true, seen.contains(uscc), uscc));
        assertEquals(seen.size(), fixtures.count("SELECT count(*) FROM evaluation WHERE grade = 'B' AND region_code = '659001'"));

        given().header("Authorization", bank).queryParam("grade", "B").queryParam("industry", "G").queryParam("type", "enterprise")
                .when().get("/api/v1/evaluations").then().statusCode(200).body("items.industrySection", not(hasItem("A")));
    }

    @Test
    void shouldRefuseBadFiltersNamingEachAndListOnlyWithAKey() {
        String bank = AccessFixtures.bearer(access.key(ConsumerType.BANK));
        given().header("Authorization", bank).queryParam("grade", "E").when().get("/api/v1/evaluations").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", contains("grade")).body("errors[0].code", equalTo("unknown-value"));
        given().header("Authorization", bank).when().get("/api/v1/evaluations").then().statusCode(400)
                .body("errors.field", contains("grade")).body("errors[0].code", equalTo("required"));
        given().header("Authorization", bank).queryParam("grade", "A").queryParam("industry", "Z").queryParam("type", "robot")
                .queryParam("region", "65x").when().get("/api/v1/evaluations").then().statusCode(400);
        given().header("Authorization", bank).queryParam("grade", "A").queryParam("industry", "Z").queryParam("type", "robot")
                .when().get("/api/v1/evaluations").then().statusCode(400).body("errors.field", contains("industry", "type"));
        given().queryParam("grade", "A").when().get("/api/v1/evaluations").then().statusCode(401);
    }

    @Test
    void shouldShowTheGradeInTheProfile() {
        given().when().get("/api/v1/subjects/{uscc}", SubjectFixtures.RICH).then().statusCode(200)
                .body("evaluation.grade", notNullValue())
                .body("evaluation.modelVersion", notNullValue());
        assertNotNull(fixtures.text("SELECT grade FROM evaluation e JOIN subject s ON s.id = e.subject_id WHERE s.uscc = ?", SubjectFixtures.RICH));
    }

    @Test
    void shouldEvaluateEverySubjectOfAClaimedBatchLargerThanTheSubjectsEvaluatedTogether() {
        int queued = EvaluationWorker.EVALUATED_TOGETHER * 2 + 50;
        String[] usccs = new String[queued];
        for (int i = 0; i < queued; i++) {
            usccs[i] = SubjectFixtures.uscc("91", "MA0W%04d".formatted(i + 1));
        }
        // One statement: every subject is queued at once, so a worker claims them in one batch of several slices.
        fixtures.execute("""
                INSERT INTO subject (uscc, name, subject_type, region_code, registered_on, status)
                SELECT u, '石河子评价分片测试（' || substr(u, 11, 6) || '）有限公司', 'ENTERPRISE', ?, DATE '2020-01-01', 'ACTIVE'
                FROM unnest(?::text[]) AS u""", SubjectFixtures.REGION, usccs);
        String ours = "(SELECT id FROM subject WHERE uscc LIKE '91" + SubjectFixtures.REGION + "MA0W%')";

        fixtures.awaitQuiet();

        assertEquals(queued, fixtures.count("SELECT count(*) FROM evaluation WHERE subject_id IN " + ours + " AND grade IS NOT NULL"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM evaluation_pending WHERE subject_id IN " + ours));
    }
}
