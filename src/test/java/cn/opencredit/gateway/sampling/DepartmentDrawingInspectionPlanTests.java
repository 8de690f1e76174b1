package cn.opencredit.gateway.sampling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
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
 * A department (or an operator) drawing a 双随机 plan over HTTP, against subjects the gateway has
 * evaluated: the population it freezes and its hash, the exemption of A-grade subjects and the
 * exclusion of recently inspected ones, the sizes per grade, the reproducible draw, the public
 * reads, and every refusal changing nothing.
 */
@QuarkusTest
class DepartmentDrawingInspectionPlanTests {

    private final SamplingFixtures fixtures;
    private final AccessFixtures access;

    DepartmentDrawingInspectionPlanTests(SamplingFixtures fixtures, AccessFixtures access) {
        this.fixtures = fixtures;
        this.access = access;
    }

    @BeforeEach
    void ready() {
        fixtures.evaluated();
    }

    private static Map<String, Object> plan(String title, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("departmentName", "测试市场监督管理局");
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    private static Map<String, Object> everyone() {
        Map<String, Object> perGrade = new LinkedHashMap<>();
        for (String grade : List.of("A", "B", "C", "D")) {
            perGrade.put(grade, Map.of("ratio", 1));
        }
        return perGrade;
    }

    private static List<String> usccs(List<Map<String, Object>> items) {
        return items.stream().map(item -> (String) item.get("uscc")).toList();
    }

    @Test
    void shouldDrawForABoundDepartmentFromItsOwnRegionAndFreezeThePopulationWithItsHash() {
        SamplingFixtures.Area area = fixtures.area();
        List<String> expected = new ArrayList<>();
        for (char grade : "BBBCCDD".toCharArray()) {
            expected.add(fixtures.subject(area.region(), grade));
        }
        String elsewhere = fixtures.subject(area.scope() + "02", 'B');
        expected.add(elsewhere);
        String trusted = fixtures.subject(area.region(), 'A');
        String cancelled = fixtures.subject(area.region(), 'B');
        fixtures.execute("UPDATE subject SET status = 'CANCELLED' WHERE uscc = ?", cancelled);
        String movedOut = fixtures.subject(area.region(), 'B');
        fixtures.execute("UPDATE subject SET status = 'MOVED_OUT' WHERE uscc = ?", movedOut);
        fixtures.evaluated();

        Response response = SamplingFixtures.create(area.departmentKey(), plan("2026年第四季度双随机抽查", "perGrade", everyone(), "seed", "own-region"));
        response.then().statusCode(201)
                .header("Location", endsWith("/api/v1/inspection-plans/" + response.path("id")))
                .body("departmentUscc", equalTo(area.departmentUscc()))
                .body("region", equalTo(area.scope()))
                .body("sector", equalTo("general"))
                .body("trustedExempt", equalTo(true))
                .body("excluded.trustedExempt", equalTo(1))
                .body("excluded.recentlyInspected", equalTo(0))
                .body("inspectedSince", nullValue())
                .body("populationSize", equalTo(8))
                .body("sampleSize", equalTo(8))
                .body("algorithm", equalTo("hmac-sha256-rank-v1"))
                .body("seedSource", equalTo("client"))
                .body("asOf", equalTo(ChinaTime.today(java.time.Clock.systemUTC()).toString()))
                .body("modelVersion", equalTo(fixtures.text("SELECT version FROM evaluation_model WHERE status = 'PUBLISHED'")))
                .body("grades.population", equalTo(List.of(0, 4, 2, 2)))
                .body("reported", equalTo(0));
        String id = response.path("id");

        // The frozen population, walked in pages of three anonymously, is exactly the subjects that qualify, and hashes to the plan's hash.
        List<Map<String, Object>> population = SamplingFixtures.all(id, "population", 3);
        assertEquals(expected.stream().sorted().toList(), usccs(population));
        List<String[]> lines = population.stream().map(m -> new String[] {(String) m.get("uscc"), (String) m.get("grade")}).toList();
        assertEquals(response.path("populationSha256"), SamplingFixtures.populationHash(lines));
        // … and to what the database says of the region: active subjects with a grade, less the A-grade one.
        List<String[]> fromDatabase = fixtures.rows("""
                SELECT s.uscc, e.grade FROM subject s JOIN evaluation e ON e.subject_id = s.id
                WHERE s.region_code LIKE ? AND s.status = 'ACTIVE' AND e.grade IS NOT NULL AND e.grade <> 'A' ORDER BY s.uscc""",
                area.scope() + "%");
        assertEquals(response.path("populationSha256"), SamplingFixtures.populationHash(fromDatabase));
        assertEquals(8, fixtures.count("SELECT count(*) FROM sampling_population WHERE plan_id = ?", Long.parseLong(id)));
        assertTrue(usccs(population).stream().noneMatch(List.of(trusted, cancelled, movedOut)::contains));

        // Everything of the plan is public.
        given().when().get("/api/v1/inspection-plans/{id}", id).then().statusCode(200)
                .body("populationSha256", equalTo(response.path("populationSha256"))).body("seed", equalTo("own-region"));
        assertEquals(expected.stream().sorted().toList(), usccs(SamplingFixtures.all(id, "sample", 5)));
        given().queryParam("department", area.departmentUscc()).when().get("/api/v1/inspection-plans").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        given().when().get("/api/v1/inspection-plans").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void shouldDrawForAnOperatorAnywhereInTheNameOfADepartment() {
        SamplingFixtures.Area area = fixtures.area();
        String uscc = fixtures.subject(area.region(), 'C');
        fixtures.evaluated();

        JsonPath plan = SamplingFixtures.created(AccessFixtures.OPERATOR_KEY, plan("信用办统筹抽查", "departmentUscc", area.departmentUscc(),
                "region", area.region(), "perGrade", everyone()));
        assertEquals(area.departmentUscc(), plan.getString("departmentUscc"));
        assertEquals(List.of(uscc), usccs(SamplingFixtures.all(plan.getString("id"), "sample", 10)));
        assertTrue(plan.getString("seed").matches("[0-9a-f]{32}"), "the gateway generated the seed");
        assertEquals("server", plan.getString("seedSource"));
        // The generated seed is published: anyone re-computes the draw from it.
        assertEquals(SamplingFixtures.hmacHex(plan.getString("seed"), uscc), SamplingFixtures.all(plan.getString("id"), "sample", 10)
                .getFirst().get("hmac"));
    }

    @Test
    void shouldLeaveTrustedSubjectsAloneInGeneralInspectionsAndDrawThemForFood() {
        SamplingFixtures.Area area = fixtures.area();
        String trusted = fixtures.subject(area.region(), 'A');
        String general = fixtures.subject(area.region(), 'B');
        fixtures.evaluated();
        assertEquals("A", fixtures.grade(trusted));

        JsonPath exempt = SamplingFixtures.created(area.departmentKey(), plan("一般事项抽查", "perGrade", everyone()));
        assertEquals(List.of(general), usccs(SamplingFixtures.all(exempt.getString("id"), "population", 10)));
        assertEquals(1, exempt.getInt("excluded.trustedExempt"));

        JsonPath food = SamplingFixtures.created(area.departmentKey(), plan("食品安全抽查", "sector", "food", "perGrade", everyone()));
        assertEquals(List.of(general, trusted).stream().sorted().toList(), usccs(SamplingFixtures.all(food.getString("id"), "population", 10)));
        assertEquals(false, food.getBoolean("trustedExempt"));
        assertEquals(0, food.getInt("excluded.trustedExempt"));
        assertEquals(List.of(1, 1, 0, 0), food.getList("grades.drawn"));
    }

    @Test
    void shouldLeaveOutSubjectsInspectedInTheLastMonths() {
        SamplingFixtures.Area area = fixtures.area();
        LocalDate today = ChinaTime.today(java.time.Clock.systemUTC());
        String recent = fixtures.subject(area.region(), 'B');
        String boundary = fixtures.subject(area.region(), 'B');
        String old = fixtures.subject(area.region(), 'B');
        String revoked = fixtures.subject(area.region(), 'C');
        String never = fixtures.subject(area.region(), 'D');
        fixtures.inspection(recent, today.minusMonths(2), "PUBLISHED");
        fixtures.inspection(boundary, today.minusMonths(6), "PUBLISHED");
        fixtures.inspection(old, today.minusMonths(6).minusDays(1), "PUBLISHED");
        fixtures.inspection(revoked, today.minusDays(3), "REVOKED");
        fixtures.evaluated();

        JsonPath plan = SamplingFixtures.created(area.departmentKey(), plan("避免重复检查", "excludeInspectedWithinMonths", 6, "perGrade", everyone()));
        assertEquals(List.of(old, revoked, never).stream().sorted().toList(), usccs(SamplingFixtures.all(plan.getString("id"), "population", 10)));
        assertEquals(2, plan.getInt("excluded.recentlyInspected"));
        assertEquals(today.minusMonths(6).toString(), plan.getString("inspectedSince"));

        JsonPath all = SamplingFixtures.created(area.departmentKey(), plan("不排除", "perGrade", everyone()));
        assertEquals(5, all.getInt("populationSize"));
        assertEquals(0, all.getInt("excluded.recentlyInspected"));
    }

    @Test
    void shouldSizeEachGradeByTheRatioOrSizeOfThePlanAndTheOthersByTheModel() {
        SamplingFixtures.Area area = fixtures.area();
        for (char grade : "AABBBBBBBBBBCCCCCCCCCCDDDDDDDDDD".toCharArray()) {
            fixtures.subject(area.region(), grade);
        }
        fixtures.evaluated();

        Map<String, Object> perGrade = Map.of("B", Map.of("ratio", 0.25), "C", Map.of("size", 4));
        JsonPath plan = SamplingFixtures.created(area.departmentKey(), plan("分级抽查", "sector", "hazardous-chemicals", "perGrade", perGrade));
        assertEquals(List.of(2, 10, 10, 10), plan.getList("grades.population"));
        assertEquals(List.of("model", "plan", "plan", "model"), plan.getList("grades.source"));
        assertEquals(List.of(0.01f, 0.25f, 0.3f), plan.getList("grades.findAll { it.ratio != null }.ratio"));
        assertEquals(List.of(4), plan.getList("grades.findAll { it.size != null }.size"));
        // A: ceil(0.01 × 2) = 1; B: ceil(0.25 × 10) = 3; C: 4; D: ceil(0.3 × 10) = 3 exactly (3.0000000000000004 in binary floating point).
        assertEquals(List.of(1, 3, 4, 3), plan.getList("grades.drawn"));
        assertEquals(11, plan.getInt("sampleSize"));
        List<Map<String, Object>> sample = SamplingFixtures.all(plan.getString("id"), "sample", 4);
        assertEquals(11, sample.size());
        Map<String, Integer> perGradeDrawn = new LinkedHashMap<>();
        sample.forEach(member -> perGradeDrawn.merge((String) member.get("grade"), 1, Integer::sum));
        assertEquals(Map.of("A", 1, "B", 3, "C", 4, "D", 3), perGradeDrawn);

        JsonPath capped = SamplingFixtures.created(area.departmentKey(), plan("超过总数", "perGrade", Map.of("C", Map.of("size", 50),
                "A", Map.of("size", 0), "B", Map.of("ratio", 0), "D", Map.of("ratio", 1))));
        assertEquals(List.of(0, 0, 10, 10), capped.getList("grades.drawn"));
    }

    @Test
    void shouldDrawTheSameListFromTheSameSeedAndAnotherFromAnotherAsAnyoneCanRecompute() {
        SamplingFixtures.Area area = fixtures.area();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            members.add(fixtures.subject(area.region(), 'B'));
        }
        fixtures.evaluated();
        Map<String, Object> perGrade = Map.of("B", Map.of("ratio", 0.25));

        JsonPath first = SamplingFixtures.created(area.departmentKey(), plan("第一次", "perGrade", perGrade, "seed", "2026-Q4 public"));
        JsonPath again = SamplingFixtures.created(area.departmentKey(), plan("第二次", "perGrade", perGrade, "seed", "2026-Q4 public"));
        JsonPath other = SamplingFixtures.created(area.departmentKey(), plan("换种子", "perGrade", perGrade, "seed", "2026-Q4 other"));

        List<Map<String, Object>> firstSample = SamplingFixtures.all(first.getString("id"), "sample", 100);
        List<Map<String, Object>> againSample = SamplingFixtures.all(again.getString("id"), "sample", 100);
        List<Map<String, Object>> otherSample = SamplingFixtures.all(other.getString("id"), "sample", 100);
        assertEquals(5, firstSample.size());
        assertEquals(usccs(firstSample), usccs(againSample));
        assertEquals(first.getString("populationSha256"), again.getString("populationSha256"));
        assertEquals(first.getString("populationSha256"), other.getString("populationSha256"));
        assertNotEquals(usccs(firstSample), usccs(otherSample));

        // An independent re-computation from the published seed and population: HMAC-SHA256 per USCC, lowest five.
        List<String> population = usccs(SamplingFixtures.all(first.getString("id"), "population", 7));
        assertEquals(members.stream().sorted().toList(), population);
        List<String> recomputed = SamplingFixtures.firstByHmac("2026-Q4 public", population, 5);
        assertEquals(recomputed.stream().sorted().toList(), usccs(firstSample));
        for (Map<String, Object> member : firstSample) {
            assertEquals(SamplingFixtures.hmacHex("2026-Q4 public", (String) member.get("uscc")), member.get("hmac"));
            assertEquals(recomputed.indexOf(member.get("uscc")) + 1, member.get("rank"));
        }
        assertEquals(SamplingFixtures.firstByHmac("2026-Q4 other", population, 5).stream().sorted().toList(), usccs(otherSample));
    }

    @Test
    void shouldRefuseEveryBadPlanWithAProblemThatNamesItAndChangesNothing() {
        SamplingFixtures.Area area = fixtures.area();
        fixtures.subject(area.region(), 'B');
        fixtures.evaluated();
        Map<String, Long> before = fixtures.counts();
        String key = area.departmentKey();

        refused(key, plan("比例", "perGrade", Map.of("B", Map.of("ratio", 1.5))), 400, "validation-failed", "perGrade.B.ratio", "out-of-range");
        refused(key, plan("比例和数量", "perGrade", Map.of("C", Map.of("ratio", 0.1, "size", 3))), 400, "validation-failed", "perGrade.C",
                "ratio-and-size");
        refused(key, plan("等级", "perGrade", Map.of("E", Map.of("size", 3))), 400, "validation-failed", "perGrade.E", "unknown-value");
        refused(key, plan("领域", "sector", "mining"), 400, "validation-failed", "sector", "unknown-value");
        refused(key, plan("类型", "subjectTypes", List.of("company")), 400, "validation-failed", "subjectTypes[0]", "unknown-value");
        refused(key, plan("自然人", "subjectTypes", List.of("natural-person")), 400, "validation-failed", "subjectTypes[0]", "not-allowed");
        refused(key, plan("行业", "industries", List.of("Z")), 400, "validation-failed", "industries[0]", "unknown-value");
        refused(key, plan("月数", "excludeInspectedWithinMonths", 99), 400, "validation-failed", "excludeInspectedWithinMonths", "out-of-range");
        refused(key, plan("区划", "region", "65a1"), 400, "validation-failed", "region", "format");
        refused(key, plan("种子", "seed", "种子"), 400, "validation-failed", "seed", "format");
        refused(key, Map.of("departmentName", "测试局"), 400, "validation-failed", "title", "required");
        refused(key, plan("未知字段", "ratio", 0.1), 400, "validation-failed", "ratio", "unknown-field");
        // Several faults at once: every one is named.
        SamplingFixtures.create(key, plan("多处错误", "sector", "mining", "excludeInspectedWithinMonths", -1,
                        "perGrade", Map.of("A", Map.of("ratio", 2)))).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("sector", "excludeInspectedWithinMonths", "perGrade.A.ratio"));

        refused(key, plan("跨区", "region", "6501"), 403, "forbidden", "region", "other-scope");
        refused(key, plan("上级", "region", area.scope().substring(0, 2)), 403, "forbidden", "region", "other-scope");
        refused(key, plan("他人", "departmentUscc", SamplingFixtures.OTHER_DEPARTMENT), 403, "forbidden", "departmentUscc", "other-department");
        // A department is bound to its USCC before it may hold ingest:write (access refuses the scope otherwise), so an unbound one
        // is refused by its scopes; SamplingPoliciesTests shows the not-bound rule behind that.
        String unbound = AccessFixtures.issueKey(AccessFixtures.createConsumer("未绑定抽查部门", ConsumerType.DEPARTMENT, null,
                List.of("public:read"), "standard"));
        SamplingFixtures.create(unbound, plan("未绑定")).then().statusCode(403).contentType(SamplingFixtures.PROBLEM)
                .body("type", equalTo(SamplingFixtures.PROBLEMS + "forbidden"));
        for (ConsumerType type : List.of(ConsumerType.BANK, ConsumerType.SUBJECT, ConsumerType.APP)) {
            SamplingFixtures.create(access.key(type), plan("无权")).then().statusCode(403).body("type", equalTo(SamplingFixtures.PROBLEMS + "forbidden"));
        }
        SamplingFixtures.create(null, plan("匿名")).then().statusCode(401);
        SamplingFixtures.create(AccessFixtures.OPERATOR_KEY, plan("未指明部门")).then().statusCode(400)
                .body("errors[0].field", equalTo("departmentUscc")).body("errors[0].code", equalTo("required"));
        SamplingFixtures.as(key).body("{").when().post("/api/v1/inspection-plans").then().statusCode(400)
                .body("type", equalTo(SamplingFixtures.PROBLEMS + "malformed-body"));
        SamplingFixtures.as(key).when().post("/api/v1/inspection-plans").then().statusCode(400)
                .body("errors[0].field", equalTo("body"));

        assertEquals(before, fixtures.counts(), "a refused plan changes nothing");
    }

    @Test
    void shouldAnswerUnknownOrMalformedPlansAsProblems() {
        long unknown = fixtures.count("SELECT coalesce(max(id), 0) + 1000 FROM sampling_plan");
        for (String part : List.of("", "/population", "/sample")) {
            given().when().get("/api/v1/inspection-plans/{id}" + part, unknown).then().statusCode(404).contentType(SamplingFixtures.PROBLEM)
                    .body("type", equalTo(SamplingFixtures.PROBLEMS + "not-found"))
                    .body("detail", equalTo("No inspection plan with id " + unknown));
            given().when().get("/api/v1/inspection-plans/{id}" + part, "abc").then().statusCode(400)
                    .body("errors[0].field", equalTo("id"));
        }
        given().queryParam("department", "11659001MB0000019X").when().get("/api/v1/inspection-plans").then().statusCode(400)
                .body("type", equalTo(SamplingFixtures.PROBLEMS + "invalid-uscc"));
        given().queryParam("limit", 0).when().get("/api/v1/inspection-plans").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("cursor", "bm90LWEtY3Vyc29y").when().get("/api/v1/inspection-plans/{id}/sample", unknown).then().statusCode(400)
                .body("type", equalTo(SamplingFixtures.PROBLEMS + "invalid-cursor"));
        given().when().get("/api/v1/inspection-plans").then().statusCode(200).body("items", not(nullValue()));
    }

    private static void refused(String key, Map<String, Object> body, int status, String type, String field, String code) {
        SamplingFixtures.create(key, body).then().statusCode(status).contentType(SamplingFixtures.PROBLEM)
                .body("type", equalTo(SamplingFixtures.PROBLEMS + type))
                .body("errors.find { it.field == '" + field + "' }.code", equalTo(code));
    }
}
