package cn.opencredit.gateway.incentive;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.evaluation.EvaluationFixtures;
import cn.opencredit.gateway.shared.cache.SubjectDataVersions;
import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.testing.Jdbc;

/** 信易+ over HTTP: the catalogue kept by operators, an enterprise's answer and its cache, and the batch check. */
@QuarkusTest
class IncentiveTests {

    private static final AtomicInteger SUBJECTS = new AtomicInteger();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String SCENARIO = """
            {"name": "测试信易批", "provider": "石河子市政务服务中心", "subjectKinds": ["enterprise"], "benefit": "优先办理",
             "validFrom": "2026-01-01",
             "conditions": [
               {"name": "grade-a-or-b", "expression": "grade in ['A', 'B']", "reasonZh": "评价等级须为优或良"},
               {"name": "not-black-listed", "expression": "!('black' in lists)", "reasonZh": "在严重失信主体名单中"},
               {"name": "no-penalty-3y", "expression": "records.filter(r, r.category == 'penalty' && r.severityRank >= 2 && r.ageDays <= 1095).size() == 0",
                "measure": "records.filter(r, r.category == 'penalty' && r.severityRank >= 2 && r.ageDays <= 1095).size()",
                "reasonZh": "近三年有一般及以上行政处罚"},
               {"name": "tax-a", "expression": "taxGrade == 'A'", "reasonZh": "纳税信用等级须为 A 级"}]}""";

    private final AgroalDataSource dataSource;
    private final SubjectFixtures subjects;
    private final EvaluationFixtures evaluations;
    private final SubjectDataVersions versions;
    private final AccessFixtures access = new AccessFixtures();

    IncentiveTests(AgroalDataSource dataSource, SubjectFixtures subjects, EvaluationFixtures evaluations, SubjectDataVersions versions) {
        this.dataSource = dataSource;
        this.subjects = subjects;
        this.evaluations = evaluations;
        this.versions = versions;
    }

    private static RequestSpecification as(String key) {
        return given().header("Authorization", AccessFixtures.bearer(key)).contentType(ContentType.JSON);
    }

    private static RequestSpecification asOperator() {
        return as(AccessFixtures.OPERATOR_KEY);
    }

    @Test
    void shouldRefuseARuleThatDoesNotParseOrNamesAnUnknownFactSayingWhereAndSaveNothing() {
        long before = Jdbc.scalar(dataSource, "SELECT count(*) FROM incentive_scenario");
        long revision = Jdbc.scalar(dataSource, "SELECT revision FROM incentive_catalogue_revision");
        String unparsable = SCENARIO.replace("grade in ['A', 'B']", "grade in ['A', 'B'");
        asOperator().body(unparsable).when().put("/api/v1/admin/incentives/test-broken")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://api.opencredit.cn/problems/validation-failed"))
                .body("errors[0].field", equalTo("conditions[0].expression"))
                .body("errors[0].code", equalTo("invalid-rule"))
                .body("errors[0].message", containsString("line 1, column"));
        asOperator().body(SCENARIO.replace("taxGrade == 'A'", "turnover > 1000000")).when().put("/api/v1/admin/incentives/test-broken")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("conditions[3].expression"))
                .body("errors[0].message", equalTo("line 1, column 1: undeclared reference to 'turnover' (in container '')"));
        asOperator().body(SCENARIO.replace("taxGrade == 'A'", "score")).when().put("/api/v1/admin/incentives/test-broken")
                .then().statusCode(400).body("errors[0].field", equalTo("conditions[3].expression"));
        asOperator().body(SCENARIO.replace("\"grade in ['A', 'B']\"", "\"grade > 3\"")).when().put("/api/v1/admin/incentives/test-broken")
                .then().statusCode(400).body("errors[0].message", containsString("line 1, column"));
        asOperator().body(SCENARIO).when().put("/api/v1/admin/incentives/Not_A_Code")
                .then().statusCode(400).body("errors.field", hasItem("code"));
        assertEquals(before, Jdbc.scalar(dataSource, "SELECT count(*) FROM incentive_scenario"));
        assertEquals(revision, Jdbc.scalar(dataSource, "SELECT revision FROM incentive_catalogue_revision"));
    }

    @Test
    void shouldExplainEachConditionAnEnterpriseFailsWithTheFactBehindIt() {
        save("test-fast-approval");
        Enterprise good = enterprise("B", null, 0, "A");
        Enterprise poor = enterprise("C", "BLACK", 2, "B");
        String app = access.key(ConsumerType.APP);

        Map<String, Object> passed = scenario(as(app).when().get("/api/v1/subjects/{uscc}/incentives", good.uscc()), "test-fast-approval");
        assertEquals(true, passed.get("eligible"));
        assertEquals(List.of(), passed.get("unmet"));

        Map<String, Object> failed = scenario(as(app).when().get("/api/v1/subjects/{uscc}/incentives", poor.uscc()), "test-fast-approval");
        assertEquals(false, failed.get("eligible"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> unmet = (List<Map<String, Object>>) failed.get("unmet");
        assertEquals(List.of("grade-a-or-b", "not-black-listed", "no-penalty-3y", "tax-a"), unmet.stream().map(u -> u.get("condition")).toList());
        assertEquals(Map.of("grade", "C"), unmet.get(0).get("facts"));
        assertEquals("评价等级须为优或良", unmet.get(0).get("reasonZh"));
        assertEquals(Map.of("lists", List.of("black")), unmet.get(1).get("facts"));
        assertEquals(2, unmet.get(2).get("measured"));
        assertEquals(Map.of("taxGrade", "B"), unmet.get(3).get("facts"));
        assertEquals(2, Jdbc.scalar(dataSource, "SELECT count(*) FROM audit_access_log WHERE subject_uscc IN (?, ?) AND operation = 'incentive.eligibility'",
                good.uscc(), poor.uscc()));
    }

    @Test
    void shouldServeTheCachedAnswerUntilTheSubjectsDataChanges() {
        save("test-cached");
        Enterprise subject = enterprise("B", null, 0, "A");
        String app = access.key(ConsumerType.APP);
        String path = "/api/v1/subjects/" + subject.uscc() + "/incentives";
        as(app).when().get(path).then().statusCode(200).header("X-Cache", "MISS");
        Response hit = as(app).when().get(path);
        hit.then().statusCode(200).header("X-Cache", "HIT");
        assertEquals(true, scenario(hit, "test-cached").get("eligible"));

        Jdbc.execute(dataSource, "UPDATE evaluation SET grade = 'D', score = 300, supervision_class = 'STRICT' WHERE subject_id = ?", subject.id());
        versions.subjectChanged(subject.uscc()).await().indefinitely();
        Response changed = as(app).when().get(path);
        changed.then().statusCode(200).header("X-Cache", "MISS");
        assertEquals(false, scenario(changed, "test-cached").get("eligible"));
    }

    @Test
    void shouldAnswerAnUnknownSubjectWith404() {
        as(access.key(ConsumerType.APP)).when().get("/api/v1/subjects/{uscc}/incentives", SubjectFixtures.UNREGISTERED)
                .then().statusCode(404).body("type", equalTo("https://api.opencredit.cn/problems/subject-not-found"));
    }

    @Test
    void shouldCheckABatchInOrderAndLogEverySubjectFound() {
        save("test-batch");
        Enterprise good = enterprise("A", null, 0, "A");
        Enterprise poor = enterprise("D", null, 1, "C");
        String app = access.key(ConsumerType.APP);
        as(app).body(Map.of("subjects", List.of(good.uscc(), "not-a-uscc", SubjectFixtures.UNREGISTERED, poor.uscc())))
                .when().post("/api/v1/incentives/test-batch/checks")
                .then().statusCode(200)
                .body("scenario", equalTo("test-batch"))
                .body("results", hasSize(4))
                .body("results[0].eligible", equalTo(true))
                .body("results[1].error", equalTo("invalid-uscc"))
                .body("results[2].error", equalTo("subject-not-found"))
                .body("results[3].eligible", equalTo(false))
                .body("results[3].unmet.condition", equalTo(List.of("grade-a-or-b", "no-penalty-3y", "tax-a")));
        assertEquals(2, Jdbc.scalar(dataSource, "SELECT count(*) FROM audit_access_log WHERE subject_uscc IN (?, ?) AND operation = 'incentive.batch-check'",
                good.uscc(), poor.uscc()));
        as(app).body(Map.of("subjects", List.of(good.uscc()))).when().post("/api/v1/incentives/no-such-scenario/checks")
                .then().statusCode(404);
    }

    @Test
    void shouldRefuseABatchOfMoreThanAThousandSubjectsWith413() {
        save("test-batch-limit");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(SubjectFixtures.RICH);
        }
        long logged = Jdbc.scalar(dataSource, "SELECT count(*) FROM audit_access_log WHERE operation = 'incentive.batch-check'");
        as(access.key(ConsumerType.APP)).body(Map.of("subjects", many)).when().post("/api/v1/incentives/test-batch-limit/checks")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://api.opencredit.cn/problems/payload-too-large"))
                .body("errors[0].field", equalTo("subjects"));
        assertEquals(logged, Jdbc.scalar(dataSource, "SELECT count(*) FROM audit_access_log WHERE operation = 'incentive.batch-check'"));
        as(access.key(ConsumerType.APP)).body(Map.of("subjects", many.subList(0, 1000))).when().post("/api/v1/incentives/test-batch-limit/checks")
                .then().statusCode(200).body("results", hasSize(1000));
    }

    @Test
    void shouldShowASavedScenarioInTheCatalogueAndReplaceIt() {
        save("test-catalogue");
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP))).when().get("/api/v1/incentives")
                .then().statusCode(200).body("items.find { it.code == 'test-catalogue' }.name", equalTo("测试信易批"))
                .body("items.find { it.code == 'test-catalogue' }.version", equalTo(0));
        asOperator().body(SCENARIO.replace("测试信易批", "测试信易批（新）")).when().put("/api/v1/admin/incentives/test-catalogue")
                .then().statusCode(200).body("version", equalTo(1)).body("name", equalTo("测试信易批（新）"));
    }

    /** Found by fuzzing: a date PostgreSQL cannot store was a 500. */
    @Test
    void shouldRefuseADateOutsideTheSaneRangeAndSaveNothing() {
        long before = Jdbc.scalar(dataSource, "SELECT count(*) FROM incentive_scenario");
        asOperator().body(SCENARIO.replace("\"validFrom\": \"2026-01-01\"", "\"validFrom\": \"+10000-01-01\""))
                .when().put("/api/v1/admin/incentives/test-far-date")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://api.opencredit.cn/problems/validation-failed"))
                .body("errors.field", org.hamcrest.Matchers.hasItem("validFrom"));
        assertEquals(before, Jdbc.scalar(dataSource, "SELECT count(*) FROM incentive_scenario"));
    }

    private void save(String code) {
        asOperator().body(SCENARIO).when().put("/api/v1/admin/incentives/" + code).then().statusCode(200).body("code", equalTo(code));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scenario(Response answer, String code) {
        answer.then().statusCode(200);
        List<Map<String, Object>> scenarios = answer.jsonPath().getList("scenarios");
        return scenarios.stream().filter(s -> code.equals(s.get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError(code + " missing from " + answer.asString()));
    }

    record Enterprise(long id, String uscc) {
    }

    /** An enterprise with this grade, optionally on a list, with {@code penalties} general penalties a year ago and this tax credit grade. */
    private Enterprise enterprise(String grade, String list, int penalties, String taxGrade) {
        subjects.ensureLoaded();
        String uscc = SubjectFixtures.uscc("91", "MAHC" + String.format("%04d", SUBJECTS.incrementAndGet()));
        subjects.register(uscc, "石河子信易测试（" + SUBJECTS.get() + "）有限公司");
        long id = Jdbc.scalar(dataSource, "SELECT id FROM subject WHERE uscc = ?", uscc);
        if (list != null) {
            Jdbc.execute(dataSource, """
                    INSERT INTO list_entry (subject_id, list_type, authority, authority_uscc, reason, included_at)
                    VALUES (?, ?, ?, ?, '测试', now() - interval '10 days')""", id, list, SubjectFixtures.DEPARTMENT, SubjectFixtures.DEPARTMENT_USCC);
        }
        for (int i = 0; i < penalties; i++) {
            record(id, "PENALTY", "GENERAL", TODAY.minusYears(1), null, "penalty-" + i);
        }
        record(id, "TAX_CREDIT_GRADE", null, TODAY.minusMonths(6), "{\"rating\": \"" + taxGrade + "\"}", "tax");
        evaluations.awaitQuiet();
        String supervision = switch (grade) {
            case "A" -> "TRUSTED";
            case "B" -> "GENERAL";
            case "C" -> "FOCUSED";
            default -> "STRICT";
        };
        Jdbc.execute(dataSource, "UPDATE evaluation SET grade = ?, score = 700, supervision_class = ?, not_evaluated = NULL WHERE subject_id = ?", grade,
                supervision, id);
        versions.subjectChanged(uscc).await().indefinitely();
        return new Enterprise(id, uscc);
    }

    private void record(long subjectId, String category, String severity, LocalDate decided, String details, String sourceId) {
        Jdbc.execute(dataSource, """
                INSERT INTO credit_record (subject_id, category, source_department, source_department_uscc, source_record_id, title,
                    decision_date, reported_on, content, severity, published_from, details)
                VALUES (?, ?, ?, ?, ?, '测试', ?, ?, '测试', ?, ?, ?::jsonb)""", subjectId, category, SubjectFixtures.DEPARTMENT,
                SubjectFixtures.DEPARTMENT_USCC, sourceId + "-" + subjectId, decided, decided, severity, decided, details);
    }
}
