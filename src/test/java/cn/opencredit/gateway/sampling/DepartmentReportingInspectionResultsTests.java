package cn.opencredit.gateway.sampling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.shared.time.ChinaTime;

/**
 * The department reporting what its inspections found: each sampled subject's result once,
 * becoming an {@code inspection} credit record through ingestion, kept with the sample row; every
 * bad request refused whole, changing nothing.
 */
@QuarkusTest
class DepartmentReportingInspectionResultsTests {

    private final SamplingFixtures fixtures;
    private final AccessFixtures access;
    private final LocalDate today = ChinaTime.today(java.time.Clock.systemUTC());

    DepartmentReportingInspectionResultsTests(SamplingFixtures fixtures, AccessFixtures access) {
        this.fixtures = fixtures;
        this.access = access;
    }

    @BeforeEach
    void ready() {
        fixtures.evaluated();
    }

    /** A plan of the area's department that draws all of its subjects but one, which is left out by a size. */
    private record Drawn(SamplingFixtures.Area area, String id, List<String> sampled, String notSampled, String title) {
    }

    private Drawn drawn() {
        SamplingFixtures.Area area = fixtures.area();
        String b1 = fixtures.subject(area.region(), 'B');
        String b2 = fixtures.subject(area.region(), 'B', "G", "92");
        String c = fixtures.subject(area.region(), 'C');
        String d1 = fixtures.subject(area.region(), 'D');
        String d2 = fixtures.subject(area.region(), 'D');
        fixtures.evaluated();
        String title = "结果测试抽查" + area.scope();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("departmentName", area.departmentName());
        body.put("perGrade", Map.of("B", Map.of("ratio", 1), "C", Map.of("ratio", 1), "D", Map.of("size", 1)));
        body.put("seed", "results");
        JsonPath plan = SamplingFixtures.created(area.departmentKey(), body);
        List<String> sampled = SamplingFixtures.all(plan.getString("id"), "sample", 10).stream().map(m -> (String) m.get("uscc")).toList();
        String notSampled = sampled.contains(d1) ? d2 : d1;
        assertEquals(List.of(b1, b2, c, d1, d2).stream().filter(u -> !u.equals(notSampled)).sorted().toList(), sampled);
        return new Drawn(area, plan.getString("id"), sampled, notSampled, title);
    }

    private static Map<String, Object> row(String uscc, LocalDate inspectedOn, String outcome, String findings, String decisionNumber) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("uscc", uscc);
        row.put("inspectedOn", inspectedOn.toString());
        row.put("outcome", outcome);
        if (findings != null) {
            row.put("findings", findings);
        }
        if (decisionNumber != null) {
            row.put("decisionNumber", decisionNumber);
        }
        return row;
    }

    @SafeVarargs
    private static Response report(String key, String planId, Map<String, Object>... rows) {
        return SamplingFixtures.as(key).body(Map.of("rows", List.of(rows))).when().post("/api/v1/inspection-plans/{id}/results", planId);
    }

    @Test
    void shouldTurnEachResultIntoAnInspectionRecordOfTheDepartmentKeptWithTheSample() {
        Drawn plan = drawn();
        String first = plan.sampled().get(0);
        String second = plan.sampled().get(1);
        Map<String, String> grades = Map.of(first, fixtures.grade(first), second, fixtures.grade(second));
        Map<String, Long> history = Map.of(first, historyOf(first), second, historyOf(second));
        long batches = fixtures.count("SELECT count(*) FROM ingestion_batch");

        JsonPath answer = report(plan.area().departmentKey(), plan.id(),
                row(first, today, "corrected", "冷藏柜温度记录不全，已当场责令改正", "测市监检〔2026〕001号"),
                row(second, today, "passed", null, null)).then().statusCode(200).extract().jsonPath();
        assertEquals(2, answer.getInt("reported"));
        assertEquals(List.of(first, second).stream().sorted().toList(), answer.getList("items.uscc"));

        for (String uscc : List.of(first, second)) {
            String sourceRecordId = "inspection-plan-" + plan.id() + "-" + uscc;
            String[] record = fixtures.rows("""
                    SELECT id, category, source_department_uscc, source_department, decision_date, disclosure_level, title, content
                    FROM credit_record WHERE source_record_id = ?""", sourceRecordId).getFirst();
            assertEquals(List.of("INSPECTION", plan.area().departmentUscc(), plan.area().departmentName(), today.toString(), "PUBLIC",
                    "双随机、一公开抽查检查结果（" + plan.title() + "）"), List.of(record[1], record[2], record[3], record[4], record[5], record[6]));
            assertEquals(record[0], answer.getString("items.find { it.uscc == '" + uscc + "' }.result.recordId"));
            assertEquals(record[0], fixtures.text("SELECT record_id FROM sampling_sample WHERE plan_id = ? AND uscc = ?",
                    Long.parseLong(plan.id()), uscc));
            // The record is the subject's like any other, and public: an app sees it among the subject's records.
            given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP))).queryParam("category", "inspection")
                    .when().get("/api/v1/subjects/{uscc}/records", uscc).then().statusCode(200)
                    .body("items[0].id", equalTo(record[0]))
                    .body("items[0].category", equalTo("inspection"))
                    .body("items[0].content", equalTo(record[7]));
        }
        assertEquals("发现问题已责令改正：冷藏柜温度记录不全，已当场责令改正",
                fixtures.text("SELECT content FROM credit_record WHERE source_record_id = ?", "inspection-plan-" + plan.id() + "-" + first));
        assertEquals(batches + 1, fixtures.count("SELECT count(*) FROM ingestion_batch"), "one batch, through the normal write path");

        List<Map<String, Object>> sample = SamplingFixtures.all(plan.id(), "sample", 10);
        Map<String, Object> corrected = sample.stream().filter(m -> m.get("uscc").equals(first)).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) corrected.get("result");
        assertEquals("corrected", result.get("outcome"));
        assertEquals("发现问题已责令改正", result.get("outcomeZh"));
        assertEquals("测市监检〔2026〕001号", result.get("decisionNumber"));
        assertEquals(today.toString(), result.get("inspectedOn"));
        assertNull(sample.stream().filter(m -> m.get("uscc").equals(plan.sampled().get(2))).findFirst().orElseThrow().get("result"));
        given().when().get("/api/v1/inspection-plans/{id}", plan.id()).then().statusCode(200).body("reported", equalTo(2));

        // An inspection counts for nothing in the evaluation: re-evaluated, the grades and scores stay, and no new result is recorded.
        fixtures.evaluated();
        for (String uscc : List.of(first, second)) {
            assertEquals(grades.get(uscc), fixtures.grade(uscc));
            assertEquals(history.get(uscc), historyOf(uscc));
        }
        // And the next plan that avoids repeated visits leaves both out.
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("title", "下一轮");
        next.put("departmentName", plan.area().departmentName());
        next.put("excludeInspectedWithinMonths", 1);
        next.put("perGrade", Map.of("B", Map.of("ratio", 1), "C", Map.of("ratio", 1), "D", Map.of("ratio", 1)));
        JsonPath following = SamplingFixtures.created(plan.area().departmentKey(), next);
        assertEquals(2, following.getInt("excluded.recentlyInspected"));
        assertEquals(3, following.getInt("populationSize"));
    }

    @Test
    void shouldLetAnOperatorReportForThePlansDepartment() {
        Drawn plan = drawn();
        report(AccessFixtures.OPERATOR_KEY, plan.id(), row(plan.sampled().getFirst(), today, "not-found", "登记住所无人", null))
                .then().statusCode(200).body("items[0].result.outcome", equalTo("not-found"));
        assertEquals(plan.area().departmentUscc(), fixtures.text("SELECT source_department_uscc FROM credit_record WHERE source_record_id = ?",
                "inspection-plan-" + plan.id() + "-" + plan.sampled().getFirst()));
    }

    @Test
    void shouldRefuseASecondResultForASubjectWithAConflictThatChangesNothing() {
        Drawn plan = drawn();
        String uscc = plan.sampled().getFirst();
        report(plan.area().departmentKey(), plan.id(), row(uscc, today, "passed", null, null)).then().statusCode(200);
        Map<String, Long> before = fixtures.counts();
        String content = fixtures.text("SELECT content FROM credit_record WHERE source_record_id = ?", "inspection-plan-" + plan.id() + "-" + uscc);

        report(plan.area().departmentKey(), plan.id(), row(plan.sampled().get(1), today, "passed", null, null),
                row(uscc, today, "failed", "复查发现问题", null))
                .then().statusCode(409).contentType(SamplingFixtures.PROBLEM)
                .body("type", equalTo(SamplingFixtures.PROBLEMS + "conflict"))
                .body("errors[0].field", equalTo("rows[1].uscc"))
                .body("errors[0].code", equalTo("reported-already"));

        assertEquals(before, fixtures.counts());
        assertEquals(content, fixtures.text("SELECT content FROM credit_record WHERE source_record_id = ?", "inspection-plan-" + plan.id() + "-" + uscc));
        assertEquals("PASSED", fixtures.text("SELECT outcome FROM sampling_sample WHERE plan_id = ? AND uscc = ?", Long.parseLong(plan.id()), uscc));
    }

    @Test
    void shouldRefuseEveryBadReportWithAProblemThatNamesItAndChangesNothing() {
        Drawn plan = drawn();
        String key = plan.area().departmentKey();
        String sampled = plan.sampled().getFirst();
        Map<String, Long> before = fixtures.counts();

        // A subject outside the sample refuses the whole request, the valid row with it.
        report(key, plan.id(), row(sampled, today, "passed", null, null), row(plan.notSampled(), today, "passed", null, null))
                .then().statusCode(400).body("type", equalTo(SamplingFixtures.PROBLEMS + "validation-failed"))
                .body("errors.field", equalTo(List.of("rows[1].uscc"))).body("errors[0].code", equalTo("not-in-sample"));
        String stranger = fixtures.subject(plan.area().region(), 'B');
        report(key, plan.id(), row(stranger, today, "passed", null, null)).then().statusCode(400)
                .body("errors[0].code", equalTo("not-in-sample"));
        report(key, plan.id(), row(sampled, today, "合格", null, null), row(sampled, today.plusDays(1), "passed", "x".repeat(2001), null),
                row("91659001MA0000015X", today.minusDays(1), "passed", null, null))
                .then().statusCode(400)
                .body("errors.collect { it.field + ' ' + it.code }", equalTo(List.of("rows[0].outcome unknown-value", "rows[1].uscc duplicate",
                        "rows[1].inspectedOn in-the-future", "rows[1].findings too-long", "rows[2].uscc check-character",
                        "rows[2].inspectedOn before-plan")));
        SamplingFixtures.as(key).body(Map.of("rows", List.of())).when().post("/api/v1/inspection-plans/{id}/results", plan.id())
                .then().statusCode(400).body("errors[0].field", equalTo("rows"));
        SamplingFixtures.as(key).body(Map.of("rows", List.of(Map.of("uscc", sampled, "inspectedOn", today.toString(), "outcome", "passed",
                "score", 1)))).when().post("/api/v1/inspection-plans/{id}/results", plan.id()).then().statusCode(400)
                .body("errors[0].code", equalTo("unknown-field"));

        // Another department's plan, and consumers that report nothing.
        SamplingFixtures.Area other = fixtures.area();
        report(other.departmentKey(), plan.id(), row(sampled, today, "passed", null, null)).then().statusCode(403)
                .body("type", equalTo(SamplingFixtures.PROBLEMS + "forbidden")).body("detail", equalTo("Plan " + plan.id() + " is department "
                        + plan.area().departmentUscc() + "'s: only it, or an operator, reports its results"));
        report(access.key(ConsumerType.BANK), plan.id(), row(sampled, today, "passed", null, null)).then().statusCode(403);
        report(null, plan.id(), row(sampled, today, "passed", null, null)).then().statusCode(401);

        long unknown = fixtures.count("SELECT coalesce(max(id), 0) + 1000 FROM sampling_plan");
        report(key, Long.toString(unknown), row(sampled, today, "passed", null, null)).then().statusCode(404)
                .body("type", equalTo(SamplingFixtures.PROBLEMS + "not-found"));
        report(key, "0", row(sampled, today, "passed", null, null)).then().statusCode(400).body("errors[0].field", equalTo("id"));

        Map<String, Long> after = new LinkedHashMap<>(fixtures.counts());
        assertEquals(before, after, "no refused report wrote anything");
    }

    private long historyOf(String uscc) {
        return fixtures.count("SELECT count(*) FROM evaluation_history h JOIN subject s ON s.id = h.subject_id WHERE s.uscc = ?", uscc);
    }
}
