package cn.opencredit.gateway.creditcheck;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

/** A department checking subjects in its workflow, reporting what it applied, and the statistics of it. */
@QuarkusTest
class CreditCheckTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEMS = "https://api.opencredit.cn/problems/";

    private final CreditCheckFixtures fixtures;
    private final SubjectFixtures subjects;

    private static String departmentKey;
    private static String otherDepartmentKey;

    CreditCheckTests(CreditCheckFixtures fixtures, SubjectFixtures subjects) {
        this.fixtures = fixtures;
        this.subjects = subjects;
    }

    @BeforeEach
    void ready() {
        subjects.ensureLoaded();
        if (departmentKey == null) {
            departmentKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("核查测试财政局", ConsumerType.DEPARTMENT,
                    SubjectFixtures.DEPARTMENT_USCC, null, "standard"));
            otherDepartmentKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("核查测试另一部门", ConsumerType.DEPARTMENT,
                    SubjectFixtures.uscc("11", "MBCK0001"), null, "standard"));
        }
    }

    private static RequestSpecification as(String key) {
        return given().header("Authorization", AccessFixtures.bearer(key)).contentType(ContentType.JSON);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> check(String scenario, List<String> usccs) {
        Map<String, Object> body = new HashMap<>();
        body.put("scenario", scenario);
        body.put("subjects", usccs);
        body.put("caseReference", "石财采〔2026〕" + System.nanoTime() % 10000 + "号");
        body.put("purpose", "政府采购供应商资格审查");
        return body;
    }

    private long checks() {
        return fixtures.count("SELECT count(*) FROM creditcheck_check");
    }

    @Test
    void shouldAnswerTheMeasuresWithTheirBasisPerSubjectAndNeverForRepairedOrExpiredFailings() {
        String debtor = fixtures.enterprise("失信被执行测试");
        long entry = fixtures.listEntry(debtor, "DISHONEST_DEBTOR", "current");
        String repaired = fixtures.enterprise("已修复测试");
        fixtures.listEntry(repaired, "DISHONEST_DEBTOR", "repaired");
        String expired = fixtures.enterprise("已到期测试");
        fixtures.listEntry(expired, "DISHONEST_DEBTOR", "expired");
        String invalid = debtor.substring(0, 17) + (debtor.charAt(17) == 'X' ? 'Y' : 'X');

        Response answer = as(departmentKey).body(json(check("government-procurement", List.of(debtor, repaired, expired, invalid,
                        SubjectFixtures.UNREGISTERED))))
                .when().post("/api/v1/credit-checks")
                .then().statusCode(201).header("Location", containsString("/api/v1/credit-checks/"))
                .body("scenario", equalTo("government-procurement"))
                .body("scenarioName", equalTo("政府采购"))
                .body("checkedBy.departmentUscc", equalTo(SubjectFixtures.DEPARTMENT_USCC))
                .body("summary.subjects", equalTo(5)).body("summary.checked", equalTo(3)).body("summary.punished", equalTo(1))
                .body("subjects[0].uscc", equalTo(debtor)).body("subjects[0].status", equalTo("checked"))
                .body("subjects[0].measures.code", hasItem("P-DEBTOR-PROCUREMENT"))
                .body("subjects[0].measures.find { it.code == 'P-DEBTOR-PROCUREMENT' }.basis.document", containsString("发改财金〔2016〕141号"))
                .body("subjects[0].measures.find { it.code == 'P-DEBTOR-PROCUREMENT' }.triggeredBy.listEntries[0].id", equalTo(Long.toString(entry)))
                .body("subjects[0].measures.find { it.code == 'P-DEBTOR-PROCUREMENT' }.triggeredBy.listEntries[0].type", equalTo("dishonest-debtor"))
                .body("subjects[1].status", equalTo("checked")).body("subjects[1].measures", empty())
                .body("subjects[2].status", equalTo("checked")).body("subjects[2].measures", empty())
                .body("subjects[3].status", equalTo("invalid-uscc")).body("subjects[3].uscc", equalTo(invalid))
                .body("subjects[3].errors[0].field", equalTo("uscc")).body("subjects[3].receiptId", equalTo(null))
                .body("subjects[4].status", equalTo("not-found"))
                .extract().response();
        String id = answer.path("id");
        assertThat(answer.<String>path("subjects[0].receiptId"), equalTo("%s-0001".formatted(id)));

        // Stored, with a receipt per checked subject, and in each checked subject's access log (not in the others').
        assertThat(fixtures.count("SELECT count(*) FROM creditcheck_receipt WHERE check_id = ?", Long.parseLong(id)), equalTo(3L));
        for (String checked : List.of(debtor, repaired, expired)) {
            assertThat(fixtures.count("SELECT count(*) FROM audit_access_log WHERE subject_uscc = ? AND operation = 'creditcheck.check' "
                    + "AND purpose LIKE '政府采购%'", checked), equalTo(1L));
        }
        assertThat(fixtures.count("SELECT count(*) FROM audit_access_log WHERE subject_uscc = ? AND operation = 'creditcheck.check'",
                SubjectFixtures.UNREGISTERED), equalTo(0L));

        // The repair lifts the measure for the next check; the stored check is re-read as it was answered.
        fixtures.removeOnRepair(entry);
        as(departmentKey).body(json(check("government-procurement", List.of(debtor)))).when().post("/api/v1/credit-checks")
                .then().statusCode(201).body("subjects[0].measures", empty());
        String reread = as(departmentKey).when().get("/api/v1/credit-checks/{id}", id).then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(reread).getMap(""), equalTo(answer.jsonPath().getMap("")));
    }

    @Test
    void shouldTriggerOnPublishedSeriousFailingsButNotOnRepairedOrLapsedOnes() {
        String penalised = fixtures.enterprise("严重处罚测试");
        long penalty = fixtures.seriousPenalty(penalised, "published");
        String repaired = fixtures.enterprise("处罚已修复测试");
        fixtures.seriousPenalty(repaired, "repaired");
        String lapsed = fixtures.enterprise("处罚已期满测试");
        fixtures.seriousPenalty(lapsed, "expired");

        as(departmentKey).body(json(check("administrative-approval", List.of(penalised, repaired, lapsed)))).when().post("/api/v1/credit-checks")
                .then().statusCode(201)
                .body("subjects[0].measures.code", hasItem("P-BLACK-APPROVAL"))
                .body("subjects[0].measures.find { it.code == 'P-BLACK-APPROVAL' }.triggeredBy.records[0].id", equalTo(Long.toString(penalty)))
                .body("subjects[0].measures.find { it.code == 'P-BLACK-APPROVAL' }.triggeredBy.records[0].severity", equalTo("serious"))
                .body("subjects[1].measures", empty())
                .body("subjects[2].measures", empty());
    }

    @Test
    void shouldRefuseAnUnknownScenarioNamingTheKnownOnesAndStoreNothing() {
        long before = checks();
        as(departmentKey).body(json(check("lottery", List.of(SubjectFixtures.RICH)))).when().post("/api/v1/credit-checks")
                .then().statusCode(400).contentType("application/problem+json").body("type", equalTo(PROBLEMS + "invalid-parameter"))
                .body("detail", containsString("government-procurement")).body("detail", containsString("public-employment"))
                .body("errors[0].field", equalTo("scenario")).body("errors[0].code", equalTo("unknown-scenario"));
        assertThat(checks(), equalTo(before));
    }

    @Test
    void shouldRefuseMoreThanAThousandSubjectsWith413AndStoreNothing() {
        long before = checks();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(SubjectFixtures.RICH);
        }
        as(departmentKey).body(json(check("bidding", many))).when().post("/api/v1/credit-checks")
                .then().statusCode(413).contentType("application/problem+json").body("type", equalTo(PROBLEMS + "payload-too-large"))
                .body("errors[0].code", equalTo("too-many-subjects"));
        assertThat(checks(), equalTo(before));
    }

    @Test
    void shouldRefuseADepartmentCheckingForAnotherAndHideItsChecksFromOthers() {
        Map<String, Object> body = check("bidding", List.of(SubjectFixtures.RICH));
        body.put("departmentUscc", SubjectFixtures.uscc("11", "MBCK0001"));
        as(departmentKey).body(json(body)).when().post("/api/v1/credit-checks")
                .then().statusCode(400).body("errors[0].field", equalTo("departmentUscc"));
        String id = as(departmentKey).body(json(check("bidding", List.of(SubjectFixtures.RICH)))).when().post("/api/v1/credit-checks")
                .then().statusCode(201).extract().path("id");
        as(otherDepartmentKey).when().get("/api/v1/credit-checks/{id}", id).then().statusCode(404);
        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).when().get("/api/v1/credit-checks/{id}", id)
                .then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void shouldTakeFeedbackOnlyForMeasuresTheCheckFoundAndCountItInTheStatistics() {
        String debtor = fixtures.enterprise("反馈测试");
        fixtures.listEntry(debtor, "DISHONEST_DEBTOR", "current");
        Response checked = as(departmentKey).body(json(check("government-procurement", List.of(debtor)))).when().post("/api/v1/credit-checks")
                .then().statusCode(201).extract().response();
        String id = checked.path("id");
        String receipt = checked.path("subjects[0].receiptId");
        String caseReference = checked.path("caseReference");

        Map<String, Object> wrong = Map.of("items", List.of(Map.of("receiptId", receipt, "measureCode", "I-RED-FUNDS", "caseReference", caseReference,
                "appliedOn", CreditCheckFixtures.TODAY.toString(), "result", "不适用")));
        as(departmentKey).body(json(wrong)).when().post("/api/v1/credit-checks/{id}/feedback", id)
                .then().statusCode(400).body("errors[0].field", equalTo("items[0].measureCode")).body("errors[0].code", equalTo("not-checked"));
        assertThat(fixtures.count("SELECT count(*) FROM creditcheck_feedback WHERE check_id = ?", Long.parseLong(id)), equalTo(0L));

        Map<String, Object> applied = Map.of("items", List.of(Map.of("receiptId", receipt, "measureCode", "P-DEBTOR-PROCUREMENT",
                "caseReference", caseReference, "appliedOn", CreditCheckFixtures.TODAY.toString(), "result", "取消其本次政府采购投标资格")));
        as(departmentKey).body(json(applied)).when().post("/api/v1/credit-checks/{id}/feedback", id)
                .then().statusCode(200).body("items[0].subjectUscc", equalTo(debtor)).body("items[0].measureCode", equalTo("P-DEBTOR-PROCUREMENT"));
        as(departmentKey).body(json(applied)).when().post("/api/v1/credit-checks/{id}/feedback", id)
                .then().statusCode(200).body("items.size()", equalTo(1));
        as(otherDepartmentKey).body(json(applied)).when().post("/api/v1/credit-checks/{id}/feedback", id).then().statusCode(404);

        String month = CreditCheckFixtures.TODAY.toString().substring(0, 7);
        as(departmentKey).body(json(Map.of("scenario", "government-procurement", "month", month, "approvals", 4)))
                .when().post("/api/v1/credit-checks/approval-counts")
                .then().statusCode(200).body("departmentUscc", equalTo(SubjectFixtures.DEPARTMENT_USCC)).body("approvals", equalTo(4));
        JsonPath stats = given().header("Authorization", AccessFixtures.bearer(departmentKey))
                .queryParam("department", SubjectFixtures.DEPARTMENT_USCC).queryParam("from", month).queryParam("to", month)
                .when().get("/api/v1/stats/credit-checks").then().statusCode(200).extract().jsonPath();
        Map<String, Object> row = stats.getMap("rows.find { it.scenario == 'government-procurement' }");
        assertThat(row, notNullValue());
        assertThat(((Number) row.get("measuresApplied")).longValue(), greaterThanOrEqualTo(1L));
        assertThat(((Number) row.get("approvals")).longValue(), equalTo(4L));
        long cases = ((Number) row.get("casesChecked")).longValue();
        assertThat(row.get("checkRate"), equalTo(java.math.BigDecimal.valueOf(cases).divide(java.math.BigDecimal.valueOf(4), 4,
                java.math.RoundingMode.HALF_UP).toPlainString()));
    }

    /** Found by fuzzing: a null item was a NullPointerException (500). */
    @Test
    void shouldRefuseFeedbackWithANullItemAndStoreNothing() {
        long cases = fixtures.count("SELECT count(*) FROM creditcheck_feedback");
        as(departmentKey).body("{\"items\":[null]}").when().post("/api/v1/credit-checks/{id}/feedback", 1)
                .then().statusCode(400).contentType("application/problem+json").body("type", equalTo(PROBLEMS + "validation-failed")).body("errors.field", hasItem("items[0]"));
        org.junit.jupiter.api.Assertions.assertEquals(cases, fixtures.count("SELECT count(*) FROM creditcheck_feedback"));
    }

    @Test
    void shouldLetOperatorsKeepTheCatalogue() {
        String code = "P-TEST-" + (System.nanoTime() % 100000);
        Map<String, Object> measure = new HashMap<>(Map.of("name", "测试措施", "kind", "punishment",
                "basis", Map.of("document", "《测试备忘录》", "clause", "一"),
                "triggers", Map.of("listTypes", List.of("watch"), "grades", List.of(), "recordCategories", List.of()),
                "scenarios", List.of("honours"), "departments", List.of("测试局"), "validFrom", "2020-01-01"));
        RequestSpecification operator = as(AccessFixtures.OPERATOR_KEY);
        operator.body(json(measure)).when().put("/api/v1/admin/credit-measures/{code}", code).then().statusCode(201).body("version", equalTo(0));
        measure.put("version", 0);
        measure.put("validUntil", "2020-12-31");
        as(AccessFixtures.OPERATOR_KEY).body(json(measure)).when().put("/api/v1/admin/credit-measures/{code}", code)
                .then().statusCode(200).body("version", equalTo(1)).body("validUntil", equalTo("2020-12-31"));
        as(AccessFixtures.OPERATOR_KEY).body(json(measure)).when().put("/api/v1/admin/credit-measures/{code}", code).then().statusCode(409);
        measure.put("triggers", Map.of("listTypes", List.of("purple")));
        as(AccessFixtures.OPERATOR_KEY).body(json(measure)).when().put("/api/v1/admin/credit-measures/{code}", code)
                .then().statusCode(400).body("errors.field", hasItem("triggers.listTypes"));
        given().header("Authorization", AccessFixtures.bearer(departmentKey)).when().get("/api/v1/credit-measures")
                .then().statusCode(200).body("code", hasItem(code)).body("code", hasItem("P-DEBTOR-PROCUREMENT"))
                .body("find { it.code == '%s' }.version".formatted(code), equalTo(1));
        as(departmentKey).body(json(measure)).when().put("/api/v1/admin/credit-measures/{code}", code).then().statusCode(403);
        // Found by fuzzing: a date PostgreSQL cannot store was a 500; every body date is bounded to 1900-2099.
        measure.put("triggers", Map.of("listTypes", List.of("watch"), "grades", List.of(), "recordCategories", List.of()));
        measure.put("version", 1);
        measure.put("validUntil", "+10000-01-01");
        as(AccessFixtures.OPERATOR_KEY).body(json(measure)).when().put("/api/v1/admin/credit-measures/{code}", code)
                .then().statusCode(400).contentType("application/problem+json").body("type", equalTo(PROBLEMS + "validation-failed")).body("errors.field", hasItem("validUntil"));
        given().header("Authorization", AccessFixtures.bearer(departmentKey)).when().get("/api/v1/credit-measures")
                .then().body("find { it.code == '%s' }.name".formatted(code), not(equalTo(null))).body("size()", notNullValue());
    }
}
