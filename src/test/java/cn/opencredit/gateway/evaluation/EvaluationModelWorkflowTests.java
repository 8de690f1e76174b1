package cn.opencredit.gateway.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * Draft → backtest → publish, and recomputes. The models made here score exactly as the bundled one
 * (only their version and name differ), so publishing them moves no grade the other tests rely on.
 */
@QuarkusTest
class EvaluationModelWorkflowTests {

    private static final String MODELS = "/api/v1/admin/evaluation/models";
    private static final String PROBLEM = "application/problem+json";

    private final EvaluationFixtures fixtures;
    private final SubjectFixtures subjects;
    private final AccessFixtures access;

    EvaluationModelWorkflowTests(EvaluationFixtures fixtures, SubjectFixtures subjects, AccessFixtures access) {
        this.fixtures = fixtures;
        this.subjects = subjects;
        this.access = access;
    }

    @BeforeEach
    void ready() {
        subjects.ensureLoaded();
        fixtures.awaitQuiet();
    }

    private static RequestSpecification operator() {
        return given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY));
    }

    /** The bundled model under another version. */
    private static String sameScoring(String version) {
        return EvaluationWorker.bundledModel().replace("version: \"2026.1\"", "version: \"" + version + "\"")
                .replace("nameZh: 公共信用综合评价模型（2026版）", "nameZh: 测试模型 " + version);
    }

    private static String newVersion() {
        return "t" + Long.toString(System.nanoTime(), 36);
    }

    private JsonPath awaitFinished(String jobId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath job = operator().when().get("/api/v1/admin/evaluation/jobs/{id}", jobId).then().statusCode(200).extract().jsonPath();
            if (!job.getString("state").equals("running")) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + jobId + " did not finish");
    }

    @Test
    void shouldStoreADraftThatChangesNothingUntilPublished() {
        String version = newVersion();
        String inForce = fixtures.text("SELECT version FROM evaluation_model WHERE status = 'PUBLISHED'");
        operator().contentType("application/yaml").body(sameScoring(version)).when().post(MODELS).then().statusCode(201)
                .header("Location", endsWith(MODELS + "/" + version))
                .body("version", equalTo(version))
                .body("status", equalTo("draft"))
                .body("grades.grade", org.hamcrest.Matchers.contains("A", "B", "C", "D"))
                .body("samplingRatios.D", equalTo(0.3f));
        operator().when().get(MODELS + "/{version}", version).then().statusCode(200).body("document", containsString("version: \"" + version));
        operator().when().get(MODELS).then().statusCode(200).body("version", hasItems(version, inForce));
        assertEquals(inForce, fixtures.text("SELECT version FROM evaluation_model WHERE status = 'PUBLISHED'"));

        operator().contentType("application/yaml").body(sameScoring(version)).when().post(MODELS).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("exists already"));
    }

    /**
     * What no model can be called (a NUL, a space) is not looked up: 404 like an unknown version, never
     * the database's refusal. Sent past REST Assured, whose contract check cannot read a NUL in a path.
     */
    @Test
    void shouldAnswerNotFoundForWhatCannotBeAVersion() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String version : List.of("%00", "a%00b", "a%20b")) {
            for (String[] call : List.of(new String[] {"GET", ""}, new String[] {"POST", "/backtests"}, new String[] {"POST", "/publication"})) {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + MODELS + "/"
                                + version + call[1])).method(call[0], HttpRequest.BodyPublishers.noBody())
                        .header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(404, answer.statusCode(), call[0] + " " + version + call[1]);
                assertEquals(PROBLEM, answer.headers().firstValue("Content-Type").orElse(""), call[0] + " " + version + call[1]);
            }
        }
    }

    @Test
    void shouldRefuseADocumentWithEveryProblemNamedAndStoreNothing() {
        long models = fixtures.count("SELECT count(*) FROM evaluation_model");
        String broken = sameScoring(newVersion()).replace("{ grade: C, minScore: 500, supervision: focused }", "{ grade: C, minScore: 700, "
                + "supervision: focused }").replace("{ category: coercion,", "{ category: fine,");
        operator().contentType("application/yaml").body(broken).when().post(MODELS).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/validation-failed"))
                .body("errors.field", hasItems("grades[2].minScore", "records[3].category"));
        operator().contentType("application/yaml").body("grades: [").when().post(MODELS).then().statusCode(400)
                .body("errors[0].code", equalTo("not-yaml"));
        operator().contentType("application/json").body("{}").when().post(MODELS).then().statusCode(415);
        assertEquals(models, fixtures.count("SELECT count(*) FROM evaluation_model"));
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.BANK))).contentType("application/yaml")
                .body(sameScoring(newVersion())).when().post(MODELS).then().statusCode(403);
    }

    @Test
    void shouldPublishOnlyABacktestedDraftThenRecomputeEveryone() {
        String version = newVersion();
        String before = fixtures.text("SELECT version FROM evaluation_model WHERE status = 'PUBLISHED'");
        operator().contentType("application/yaml").body(sameScoring(version)).when().post(MODELS).then().statusCode(201);

        operator().when().post(MODELS + "/{version}/publication", version).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("no finished backtest"));

        String backtest = operator().when().post(MODELS + "/{version}/backtests", version).then().statusCode(202)
                .header("Location", containsString("/api/v1/admin/evaluation/jobs/"))
                .body("kind", equalTo("backtest")).extract().path("id");
        JsonPath done = awaitFinished(backtest);
        assertEquals("finished", done.getString("state"));
        long population = fixtures.count("SELECT count(*) FROM subject WHERE uscc IS NOT NULL");
        assertEquals(population, done.getLong("progress.done"));
        Map<String, Integer> draft = done.getMap("result.draft");
        Map<String, Integer> current = done.getMap("result.current");
        assertEquals(population, draft.values().stream().mapToLong(Integer::longValue).sum());
        assertEquals(draft, current, "the same scoring gives the same grades");
        for (String grade : draft.keySet()) {
            assertEquals(draft.get(grade), done.getInt("result.transitions." + grade + "." + grade), "nobody moves: " + grade);
        }
        assertEquals(0, fixtures.count("SELECT count(*) FROM evaluation WHERE model_version = ?", version), "a backtest stores no result");

        String recompute = operator().when().post(MODELS + "/{version}/publication", version).then().statusCode(202)
                .body("kind", equalTo("recompute")).extract().path("id");
        JsonPath recomputed = awaitFinished(recompute);
        assertEquals("finished", recomputed.getString("state"));
        assertEquals(version, fixtures.text("SELECT version FROM evaluation_model WHERE status = 'PUBLISHED'"));
        assertEquals("RETIRED", fixtures.text("SELECT status FROM evaluation_model WHERE version = ?", before));
        fixtures.awaitQuiet();
        assertEquals(0, fixtures.count("SELECT count(*) FROM evaluation WHERE model_version <> ?", version), "everyone under the new model");
        assertTrue(fixtures.count("SELECT count(*) FROM evaluation_history WHERE model_version = ?", version) >= population - 5,
                "a new model is a new result in everyone's history");

        operator().when().post(MODELS + "/{version}/publication", version).then().statusCode(409).body("detail", containsString("published"));
        operator().when().post(MODELS + "/{version}/backtests", before).then().statusCode(409);
        operator().when().post(MODELS + "/{version}/backtests", "no-such-model").then().statusCode(404);
    }

    @Test
    void shouldRecomputeOnDemandWithProgress() {
        JsonPath started = operator().when().post("/api/v1/admin/evaluation/recomputes").then().statusCode(202).extract().jsonPath();
        String id = started.getString("id");
        JsonPath finished = awaitFinished(id);
        assertEquals("finished", finished.getString("state"));
        assertEquals(finished.getLong("progress.total"), finished.getLong("progress.done"));
        assertEquals(1.0f, finished.getFloat("progress.share"));
        assertTrue(finished.getDouble("progress.ratePerSecond") > 0);
        operator().when().get("/api/v1/admin/evaluation/jobs").then().statusCode(200).body("id", hasItem(id));
        operator().when().get("/api/v1/admin/evaluation/jobs/{id}", "not-a-uuid").then().statusCode(400);
        operator().when().get("/api/v1/admin/evaluation/jobs/{id}", "0d6f1e2a-3b4c-4d5e-8f90-a1b2c3d4e5f6").then().statusCode(404);
    }
}
