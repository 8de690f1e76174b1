package cn.opencredit.gateway.repair;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.evaluation.EvaluationFixtures;
import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.testing.Jdbc;

/**
 * Credit repair end to end: who applies, eligibility refusals with the first day they could
 * succeed, the authority's decision and what an approval changes everywhere else (record, profile,
 * cache, change feed, evaluation, black list, timeline), queues and statistics, and the end of
 * publication at the longest period.
 */
@QuarkusTest
class RepairTests {

    private static final String PROBLEM = "application/problem+json";
    private static final String APPLICATIONS = "/api/v1/repair-applications";
    private static final String DEPARTMENT = SubjectFixtures.uscc("11", "XFD00001");
    private static final String OTHER_DEPARTMENT = SubjectFixtures.uscc("11", "XFD00002");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    private final AgroalDataSource dataSource;
    private final SubjectFixtures subjects;
    private final AccessFixtures access;
    private final EvaluationFixtures evaluations;
    private final RepairDecisionService decisions;
    private static String departmentKey;
    private static String otherDepartmentKey;
    private static String commitment;

    RepairTests(AgroalDataSource dataSource, SubjectFixtures subjects, AccessFixtures access, EvaluationFixtures evaluations,
            RepairDecisionService decisions) {
        this.dataSource = dataSource;
        this.subjects = subjects;
        this.access = access;
        this.evaluations = evaluations;
        this.decisions = decisions;
    }

    @BeforeEach
    void ready() {
        subjects.ensureLoaded();
        if (departmentKey == null) {
            departmentKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("修复测试市场监管局", ConsumerType.DEPARTMENT, DEPARTMENT, null,
                    "standard"));
            otherDepartmentKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("修复测试交通局", ConsumerType.DEPARTMENT, OTHER_DEPARTMENT,
                    null, "standard"));
            commitment = given().when().get(APPLICATIONS + "/commitment-text").then().statusCode(200).extract().path("text");
        }
    }

    /** A subject with one record of the department, and a consumer bound to it. */
    private record Case(String uscc, String subjectKey, long recordId) {
    }

    private Case newCase(String category, String severity, LocalDate decided) {
        String uscc = SubjectFixtures.uscc("91", "MA0X%04d".formatted(SUBJECTS.incrementAndGet()));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sourceRecordId", "XF-" + uscc);
        row.put("category", category);
        row.put("subjectName", "石河子修复测试（" + uscc.substring(10, 16) + "）有限公司");
        row.put("subjectUscc", uscc);
        row.put("subjectCategory", "法人及非法人组织");
        row.put("decisionNumber", "石市监罚〔2026〕" + uscc.substring(12, 16) + "号");
        row.put("title", "行政处罚决定书");
        row.put("decisionDate", decided.toString());
        row.put("content", "销售标签不符合规定的预包装食品");
        if (severity != null) {
            row.put("severity", severity);
        }
        row.put("sourceDepartment", "石河子市市场监督管理局");
        row.put("sourceDepartmentUscc", DEPARTMENT);
        as(departmentKey).body(Map.of("rows", List.of(row))).when().post("/api/v1/ingest/records").then().statusCode(200)
                .body("refused", equalTo(0));
        String subjectKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("主体 " + uscc, ConsumerType.SUBJECT, uscc, null, "standard"));
        return new Case(uscc, subjectKey, Jdbc.scalar(dataSource, "SELECT id FROM credit_record WHERE source_record_id = ?", "XF-" + uscc));
    }

    private Case minorPenalty() {
        return newCase("penalty", "minor", today().minusDays(20));
    }

    private static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    private static RequestSpecification as(String key) {
        return given().header("Authorization", AccessFixtures.bearer(key)).contentType(ContentType.JSON);
    }

    private static String evidence(String key) {
        byte[] pdf = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        return given().header("Authorization", AccessFixtures.bearer(key)).contentType("application/pdf").body(pdf)
                .when().post("/api/v1/evidence").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> application(long recordId, String evidenceId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recordId", recordId);
        body.put("obligationsPerformed", true);
        body.put("obligations", "罚款已缴清，违法标签已全部更换");
        body.put("evidence", evidenceId == null ? List.of() : List.of(evidenceId));
        body.put("commitment", Map.of("text", commitment, "accepted", true));
        return body;
    }

    private static JsonPath apply(Case c) {
        return as(c.subjectKey()).body(application(c.recordId(), evidence(c.subjectKey()))).when().post(APPLICATIONS)
                .then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath approve(String id, String key) {
        return as(key).body(Map.of("outcome", "approved", "reason", "经核实，罚款已缴清，同意信用修复", "version", 0))
                .when().post(APPLICATIONS + "/{id}/decision", id).then().statusCode(200).extract().jsonPath();
    }

    private String recordStatus(long id) {
        return Jdbc.text(dataSource, "SELECT status FROM credit_record WHERE id = ?", id);
    }

    private long feedChanges(long recordId) {
        return Jdbc.scalar(dataSource, "SELECT (SELECT count(*) FROM changefeed_change WHERE kind = 'RECORD' AND entity_id = ? AND operation = 'UPDATE') + "
                + "(SELECT count(*) FROM changefeed_pending WHERE kind = 'RECORD' AND entity_id = ? AND operation = 'UPDATE')", recordId, recordId);
    }

    private long applications(long recordId) {
        return Jdbc.scalar(dataSource, "SELECT count(*) FROM repair_application WHERE record_id = ?", recordId);
    }

    @Test
    void shouldEndPublicationSharingAndUseTogetherOnApproval() {
        Case c = newCase("penalty", "general", today().minusMonths(4));
        String entry = as(departmentKey).body(Map.of("subjectUscc", c.uscc(), "authority", "石河子市市场监督管理局", "authorityUscc", DEPARTMENT,
                        "reason", "拒不履行行政处罚决定", "legalBasis", "《市场监督管理严重违法失信名单管理办法》第二条",
                        "legalRepresentative", "王建国"))
                .when().post("/api/v1/lists/black/entries").then().statusCode(201).extract().path("id");
        evaluations.awaitQuiet();
        long scoreBefore = Jdbc.scalar(dataSource, "SELECT score FROM evaluation e JOIN subject s ON s.id = e.subject_id WHERE s.uscc = ?", c.uscc());
        given().when().get("/api/v1/subjects/{uscc}", c.uscc()).then().statusCode(200)
                .body("latestRecords.id", hasItem(Long.toString(c.recordId())));
        given().when().get("/api/v1/subjects/{uscc}", c.uscc()).then().statusCode(200).header("X-Cache", "HIT");

        Map<String, Object> body = application(c.recordId(), evidence(c.subjectKey()));
        body.put("blackListEntryId", Long.parseLong(entry));
        JsonPath submitted = as(c.subjectKey()).body(body).when().post(APPLICATIONS).then().statusCode(201)
                .header("Location", containsString(APPLICATIONS + "/")).extract().jsonPath();
        assertEquals("submitted", submitted.getString("state"));
        assertEquals(DEPARTMENT, submitted.getString("departmentUscc"));
        assertEquals("general", submitted.getString("severity"));
        assertEquals(entry, submitted.getString("blackListEntryId"));
        assertEquals(List.of("submitted"), submitted.getList("events.transition"));
        assertEquals("PUBLISHED", recordStatus(c.recordId()), "applying changes nothing yet");
        long feedBefore = feedChanges(c.recordId());

        JsonPath approved = approve(submitted.getString("id"), departmentKey);
        assertEquals("approved", approved.getString("state"));
        assertEquals(List.of("submitted", "approved"), approved.getList("events.transition"));
        assertEquals(0, approved.getInt("handlingWorkingDays"));
        assertEquals("REPAIRED", recordStatus(c.recordId()));
        assertEquals(feedBefore + 1, feedChanges(c.recordId()), "the change feed carries the repair");
        assertTrue(Jdbc.scalar(dataSource, "SELECT count(*) FROM history_entry WHERE table_name = 'credit_record' AND row_id = ? AND content->>'status' = 'REPAIRED'",
                c.recordId()) == 1, "the history keeps the repaired version");
        assertEquals("REPAIRED", Jdbc.text(dataSource, "SELECT removal_reason FROM list_entry WHERE id = ?", Long.parseLong(entry)), "off the black list");
        given().when().get("/api/v1/subjects/{uscc}", c.uscc()).then().statusCode(200)
                .body("latestRecords.id", not(hasItem(Long.toString(c.recordId()))));
        given().header("Authorization", AccessFixtures.bearer(c.subjectKey())).when().get("/api/v1/subjects/{uscc}/records", c.uscc())
                .then().statusCode(200).body("items.id", not(hasItem(Long.toString(c.recordId()))));
        evaluations.awaitQuiet();
        assertTrue(Jdbc.scalar(dataSource, "SELECT score FROM evaluation e JOIN subject s ON s.id = e.subject_id WHERE s.uscc = ?", c.uscc()) > scoreBefore,
                "the repaired failing and the ended black-list entry no longer count");
        given().header("Authorization", AccessFixtures.bearer(c.subjectKey())).when().get("/api/v1/subjects/{uscc}/timeline", c.uscc())
                .then().statusCode(200).body("items.transition", hasItem("approved")).body("items.workflow", hasItem("repair"));

        as(departmentKey).body(Map.of("outcome", "rejected", "reason", "x", "version", 1)).when().post(APPLICATIONS + "/{id}/decision",
                submitted.getString("id")).then().statusCode(409).contentType(PROBLEM).body("detail", containsString("approved already"));
        as(c.subjectKey()).body(application(c.recordId(), evidence(c.subjectKey()))).when().post(APPLICATIONS).then().statusCode(409)
                .body("errors[0].code", equalTo("not-published"));
    }

    @Test
    void shouldRefuseAnIneligibleApplicationNamingTheReasonAndTheFirstDayItCouldSucceed() {
        LocalDate decided = today().minusDays(20);
        Case early = newCase("penalty", "general", decided);
        String file = evidence(early.subjectKey());
        as(early.subjectKey()).body(application(early.recordId(), file)).when().post(APPLICATIONS).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/conflict")).body("errors[0].code", equalTo("too-early"))
                .body("eligibleFrom", equalTo(decided.plusMonths(3).toString()));

        Case minor = minorPenalty();
        Map<String, Object> unpaid = application(minor.recordId(), null);
        unpaid.put("obligationsPerformed", false);
        unpaid.put("commitment", Map.of("text", commitment, "accepted", false));
        as(minor.subjectKey()).body(unpaid).when().post(APPLICATIONS).then().statusCode(409)
                .body("errors.code", equalTo(List.of("obligations-not-performed", "no-evidence", "no-commitment")))
                .body("eligibleFrom", equalTo(today().toString()));

        Case judicial = newCase("judicial", "serious", today().minusYears(2));
        as(judicial.subjectKey()).body(application(judicial.recordId(), evidence(judicial.subjectKey()))).when().post(APPLICATIONS).then()
                .statusCode(409).body("errors[0].code", equalTo("not-repairable")).body("eligibleFrom", equalTo(null));
        Case licence = newCase("licence", null, today().minusDays(20));
        as(licence.subjectKey()).body(application(licence.recordId(), evidence(licence.subjectKey()))).when().post(APPLICATIONS).then()
                .statusCode(409).body("errors[0].code", equalTo("not-a-failing"));

        Map<String, Object> wrongText = application(minor.recordId(), evidence(minor.subjectKey()));
        wrongText.put("commitment", Map.of("text", "我承诺", "accepted", true));
        as(minor.subjectKey()).body(wrongText).when().post(APPLICATIONS).then().statusCode(400)
                .body("errors[0].field", equalTo("commitment.text"));
        Map<String, Object> missing = application(minor.recordId(), evidence(minor.subjectKey()));
        missing.remove("obligationsPerformed");
        as(minor.subjectKey()).body(missing).when().post(APPLICATIONS).then().statusCode(400).contentType(PROBLEM);
        as(minor.subjectKey()).body(application(minor.recordId(), evidence(SubjectFixtures.RICH.equals(minor.uscc()) ? departmentKey
                : early.subjectKey()))).when().post(APPLICATIONS).then().statusCode(400).body("errors[0].field", equalTo("evidence"));

        for (Case c : List.of(early, minor, judicial, licence)) {
            assertEquals(0, applications(c.recordId()), "nothing was written");
            assertEquals("PUBLISHED", recordStatus(c.recordId()));
        }
    }

    @Test
    void shouldLetOnlyTheSubjectOrAnOperatorApply() {
        Case c = minorPenalty();
        Case other = minorPenalty();
        as(other.subjectKey()).body(application(c.recordId(), evidence(other.subjectKey()))).when().post(APPLICATIONS).then()
                .statusCode(403).contentType(PROBLEM).body("detail", containsString("own records"));
        as(access.key(ConsumerType.APP)).body(application(c.recordId(), null)).when().post(APPLICATIONS).then().statusCode(403);
        as(departmentKey).body(application(c.recordId(), null)).when().post(APPLICATIONS).then().statusCode(403);
        as(c.subjectKey()).body(application(999999999L, null)).when().post(APPLICATIONS).then().statusCode(404);
        assertEquals(0, applications(c.recordId()));

        JsonPath byOperator = as(AccessFixtures.OPERATOR_KEY).body(application(c.recordId(), evidence(AccessFixtures.OPERATOR_KEY)))
                .when().post(APPLICATIONS).then().statusCode(201).extract().jsonPath();
        assertEquals("operator", byOperator.getString("applicantType"));
        as(c.subjectKey()).when().get(APPLICATIONS + "/{id}", byOperator.getString("id")).then().statusCode(200);
        as(other.subjectKey()).when().get(APPLICATIONS + "/{id}", byOperator.getString("id")).then().statusCode(403);
    }

    @Test
    void shouldAnswerTheSameApplicationForTheSameKeyAndKeepOneOpenPerRecord() {
        Case c = minorPenalty();
        Map<String, Object> body = application(c.recordId(), evidence(c.subjectKey()));
        String id = as(c.subjectKey()).header("Idempotency-Key", "rep-" + c.uscc()).body(body).when().post(APPLICATIONS)
                .then().statusCode(201).extract().path("id");
        as(c.subjectKey()).header("Idempotency-Key", "rep-" + c.uscc()).body(body).when().post(APPLICATIONS).then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        Map<String, Object> another = new LinkedHashMap<>(body);
        another.put("obligations", "另一说明");
        as(c.subjectKey()).header("Idempotency-Key", "rep-" + c.uscc()).body(another).when().post(APPLICATIONS).then().statusCode(409)
                .body("type", equalTo("https://api.opencredit.cn/problems/idempotency-key-reused"));
        as(c.subjectKey()).body(body).when().post(APPLICATIONS).then().statusCode(409).body("errors[0].code", equalTo("already-applied"));
        assertEquals(1, applications(c.recordId()));
    }

    @Test
    void shouldMakeOneApplicationWhenTwoRequestsRace() throws Exception {
        Case keyed = minorPenalty();
        Map<String, Object> body = application(keyed.recordId(), evidence(keyed.subjectKey()));
        List<Integer> statuses = race(() -> as(keyed.subjectKey()).header("Idempotency-Key", "race-" + keyed.uscc()).body(body)
                .when().post(APPLICATIONS).statusCode());
        assertEquals(List.of(200, 201), statuses.stream().sorted().toList(), "the later request answers the application the first made");
        assertEquals(1, applications(keyed.recordId()));

        Case unkeyed = minorPenalty();
        Map<String, Object> other = application(unkeyed.recordId(), evidence(unkeyed.subjectKey()));
        assertEquals(List.of(201, 409), race(() -> as(unkeyed.subjectKey()).body(other).when().post(APPLICATIONS).statusCode()).stream()
                .sorted().toList(), "one open application per record");
        assertEquals(1, applications(unkeyed.recordId()));
    }

    private static List<Integer> race(java.util.function.Supplier<Integer> request) throws Exception {
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(request);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(request);
        return List.of(first.get(), second.get());
    }

    @Test
    void shouldLetOnlyTheFindingAuthorityDecideOnTheVersionItRead() {
        Case c = minorPenalty();
        String id = apply(c).getString("id");
        as(otherDepartmentKey).body(Map.of("outcome", "approved", "reason", "x", "version", 0)).when().post(APPLICATIONS + "/{id}/decision", id)
                .then().statusCode(403).body("detail", containsString(DEPARTMENT));
        as(c.subjectKey()).body(Map.of("outcome", "approved", "reason", "x", "version", 0)).when().post(APPLICATIONS + "/{id}/decision", id)
                .then().statusCode(403);
        as(departmentKey).body(Map.of("outcome", "approved", "reason", "x", "version", 3)).when().post(APPLICATIONS + "/{id}/decision", id)
                .then().statusCode(409).body("detail", containsString("version"));
        as(departmentKey).body(Map.of("outcome", "maybe", "reason", "x", "version", 0)).when().post(APPLICATIONS + "/{id}/decision", id)
                .then().statusCode(400);
        as(departmentKey).body(Map.of("outcome", "approved", "reason", "x", "version", 0)).when().post(APPLICATIONS + "/{id}/decision", 999999999)
                .then().statusCode(404);
        assertEquals("PUBLISHED", recordStatus(c.recordId()));

        JsonPath rejected = as(departmentKey).body(Map.of("outcome", "rejected", "reason", "缴款凭证金额不符", "version", 0))
                .when().post(APPLICATIONS + "/{id}/decision", id).then().statusCode(200).extract().jsonPath();
        assertEquals("rejected", rejected.getString("state"));
        assertEquals("缴款凭证金额不符", rejected.getString("decisionReason"));
        assertEquals(List.of("submitted", "rejected"), rejected.getList("events.transition"));
        assertEquals("PUBLISHED", recordStatus(c.recordId()), "a rejection leaves the record published");
        apply(c);
    }

    @Test
    void shouldRefuseAnApprovalOnceTheRecordCameUnderObjection() {
        Case c = minorPenalty();
        String id = apply(c).getString("id");
        as(c.subjectKey()).body(Map.of("recordId", c.recordId(), "reason", "处罚对象错误")).when().post("/api/v1/objections").then().statusCode(201);
        as(departmentKey).body(Map.of("outcome", "approved", "reason", "x", "version", 0)).when().post(APPLICATIONS + "/{id}/decision", id)
                .then().statusCode(409).body("detail", containsString("under objection"));
        assertEquals("DISPUTED", recordStatus(c.recordId()));
        assertEquals("SUBMITTED", Jdbc.text(dataSource, "SELECT state FROM repair_application WHERE id = ?", Long.parseLong(id)), "nothing changed");
    }

    @Test
    void shouldShowOverdueApplicationsInTheQueueAndInTheStatistics() {
        Case c = minorPenalty();
        String id = apply(c).getString("id");
        Jdbc.execute(dataSource, "UPDATE repair_application SET due_on = current_date - 3 WHERE id = ?", Long.parseLong(id));
        as(departmentKey).queryParam("overdue", "true").when().get(APPLICATIONS).then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.find { it.id == '" + id + "' }.overdue", equalTo(true));
        as(departmentKey).queryParam("state", "submitted").queryParam("limit", "1").when().get(APPLICATIONS).then().statusCode(200)
                .body("items.size()", equalTo(1));
        as(otherDepartmentKey).queryParam("overdue", "true").when().get(APPLICATIONS).then().statusCode(200).body("items.id", not(hasItem(id)));
        as(c.subjectKey()).when().get(APPLICATIONS).then().statusCode(200).body("items.id", equalTo(List.of(id)));
        as(otherDepartmentKey).when().get(APPLICATIONS + "/{id}", id).then().statusCode(403);
        as(departmentKey).queryParam("state", "nonsense").when().get(APPLICATIONS).then().statusCode(400);
        as(departmentKey).queryParam("overdue", "perhaps").when().get(APPLICATIONS).then().statusCode(400);

        Case decided = minorPenalty();
        approve(apply(decided).getString("id"), departmentKey);
        String month = today().toString().substring(0, 7);
        JsonPath stats = as(departmentKey).queryParam("from", month).queryParam("to", month).when().get(APPLICATIONS + "/statistics")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(DEPARTMENT), stats.getList("items.departmentUscc"), "a department reads its own");
        assertTrue(stats.getInt("items[0].overdue") >= 1);
        assertTrue(stats.getInt("items[0].approved") >= 1);
        assertTrue(stats.getInt("items[0].open") >= 1);
        assertEquals(0.0f, stats.getFloat("items[0].averageHandlingWorkingDays"));
        assertTrue(Jdbc.scalar(dataSource, "SELECT count(*) FROM audit_operation_log WHERE operation = 'repair.statistics' AND items = 1 AND filters->>'from' = ?",
                month) >= 1, "statistics are kept in the operations log");
        as(AccessFixtures.OPERATOR_KEY).queryParam("department", DEPARTMENT).when().get(APPLICATIONS + "/statistics").then().statusCode(200)
                .body("items.departmentUscc", hasItem(DEPARTMENT));
        as(AccessFixtures.OPERATOR_KEY).queryParam("from", "2026-13").when().get(APPLICATIONS + "/statistics").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as(AccessFixtures.OPERATOR_KEY).queryParam("from", "2026-12").queryParam("to", "2026-01").when().get(APPLICATIONS + "/statistics")
                .then().statusCode(400);
        as(c.subjectKey()).when().get(APPLICATIONS + "/statistics").then().statusCode(403);
    }

    @Test
    void shouldEndPublicationByItselfAtTheLongestPeriodOnceAcrossConcurrentRuns() throws Exception {
        Case open = minorPenalty();
        String id = apply(open).getString("id");
        Case ended = minorPenalty();
        Case disputed = minorPenalty();
        as(disputed.subjectKey()).body(Map.of("recordId", disputed.recordId(), "reason", "处罚对象错误")).when().post("/api/v1/objections")
                .then().statusCode(201);
        // The longest period (3 months for a minor failing) ended yesterday.
        for (Case c : List.of(open, ended, disputed)) {
            Jdbc.execute(dataSource, "UPDATE credit_record SET decision_date = current_date - 100, published_from = current_date - 100, "
                    + "published_until = current_date - 1 WHERE id = ?", c.recordId());
        }
        long feedBefore = feedChanges(ended.recordId());

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(this::endPublications);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(this::endPublications);
        first.get();
        second.get();
        assertEquals(0, endPublications(), "nothing is left to end");

        assertEquals("EXPIRED", recordStatus(ended.recordId()));
        assertEquals("EXPIRED", recordStatus(open.recordId()));
        assertEquals("DISPUTED", recordStatus(disputed.recordId()), "a disputed record waits for its objection");
        assertEquals(1, Jdbc.scalar(dataSource, "SELECT count(*) FROM history_entry WHERE table_name = 'credit_record' AND row_id = ? AND content->>'status' = "
                + "'EXPIRED'", ended.recordId()), "ended once");
        assertEquals(feedBefore + 1, feedChanges(ended.recordId()), "the change feed carries the end");
        JsonPath closed = as(open.subjectKey()).when().get(APPLICATIONS + "/{id}", id).then().statusCode(200).extract().jsonPath();
        assertEquals("publication-ended", closed.getString("state"));
        assertEquals(List.of("submitted", "publication-ended"), closed.getList("events.transition"));
        assertEquals("system", closed.getString("events[1].actor"));
        given().header("Authorization", AccessFixtures.bearer(ended.subjectKey())).when().get("/api/v1/subjects/{uscc}/records", ended.uscc())
                .then().statusCode(200).body("items.id", not(hasItem(Long.toString(ended.recordId()))));
        as(ended.subjectKey()).body(application(ended.recordId(), evidence(ended.subjectKey()))).when().post(APPLICATIONS).then()
                .statusCode(409).body("errors[0].code", equalTo("not-published"));
    }

    /** The daily end of publication, run now on a Vert.x context as the scheduler runs it. */
    private int endPublications() {
        try {
            return VertxContextSupport.subscribeAndAwait(decisions::endPublications);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
