package cn.opencredit.gateway.commitment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.changefeed.ChangeFeedProbe;
import cn.opencredit.gateway.evaluation.EvaluationFixtures;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.testing.HeldLock;
import cn.opencredit.gateway.testing.Jdbc;

/**
 * Credit commitments end to end: batches with good and bad rows, resends and Idempotency-Keys,
 * every outcome and refusal, the automatic breach of 容缺受理 commitments at their deadline (once,
 * however many runs race), what a breach and a fulfilment change elsewhere (records, profile, change
 * feed, evaluation, timeline), who reads what, and the statistics.
 */
@QuarkusTest
class CommitmentTests {

    private static final String COMMITMENTS = "/api/v1/commitments";
    private static final String MARKET_NAME = "石河子市市场监督管理局（承诺）";
    /** The model's points for a commitment kept (model-2026.1.yaml, facts commitment-kept). */
    private static final int KEPT_POINTS = 10;
    /** The model's points for a general commitment failing (records commitment:general). */
    private static final int BROKEN_COMMITMENT_POINTS = -40;
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final AtomicInteger SUBJECTS = new AtomicInteger();
    private static final AtomicInteger IDS = new AtomicInteger();

    private final AgroalDataSource dataSource;
    private final SubjectFixtures subjects;
    private final AccessFixtures access;
    private final EvaluationFixtures evaluations;
    private final CommitmentDeadlines deadlines;
    private final ChangeFeedProbe feed;
    private static String marketUscc;
    private static String housingUscc;
    private static String marketKey;
    private static String housingKey;

    CommitmentTests(AgroalDataSource dataSource, SubjectFixtures subjects, AccessFixtures access, EvaluationFixtures evaluations,
            CommitmentDeadlines deadlines, ChangeFeedProbe feed) {
        this.feed = feed;
        this.dataSource = dataSource;
        this.subjects = subjects;
        this.access = access;
        this.evaluations = evaluations;
        this.deadlines = deadlines;
    }

    @BeforeEach
    void ready() {
        subjects.ensureLoaded();
        if (marketKey == null) {
            marketUscc = department("MBCM0001");
            housingUscc = department("MBCM0002");
            marketKey = AccessFixtures.issueKey(AccessFixtures.createConsumer(MARKET_NAME, ConsumerType.DEPARTMENT, marketUscc, null, "standard"));
            housingKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("石河子市住房和城乡建设局（承诺）", ConsumerType.DEPARTMENT, housingUscc,
                    null, "standard"));
        }
    }

    private static String department(String body) {
        String first17 = "11" + SubjectFixtures.REGION + body + Uscc.organisationCodeCheckCharacter(body);
        return first17 + Uscc.checkCharacter(first17);
    }

    /** An enterprise and a consumer bound to it. */
    private record Subject(String uscc, String key) {
    }

    private Subject newSubject() {
        String body = "MA0C%04d".formatted(SUBJECTS.incrementAndGet());
        String first17 = "91" + SubjectFixtures.REGION + body + Uscc.organisationCodeCheckCharacter(body);
        String uscc = first17 + Uscc.checkCharacter(first17);
        Jdbc.execute(dataSource, """
                INSERT INTO subject (uscc, name, subject_type, legal_representative, region_code, industry_section, registered_on, status)
                VALUES (?, ?, 'ENTERPRISE', '王建国', ?, 'G', DATE '2015-03-18', 'ACTIVE')""", uscc, "石河子承诺测试（" + body.substring(4)
                + "）有限公司", SubjectFixtures.REGION);
        String key = AccessFixtures.issueKey(AccessFixtures.createConsumer("主体 " + uscc, ConsumerType.SUBJECT, uscc, null, "standard"));
        return new Subject(uscc, key);
    }

    private static RequestSpecification as(String key) {
        return given().header("Authorization", AccessFixtures.bearer(key)).contentType(ContentType.JSON);
    }

    private static String newId() {
        return "CN-" + System.nanoTime() + "-" + IDS.incrementAndGet();
    }

    private static Map<String, Object> row(String sourceId, String uscc, String type, LocalDate deadline) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sourceCommitmentId", sourceId);
        row.put("subjectUscc", uscc);
        row.put("type", type);
        row.put("procedureName", "食品经营许可（新办）");
        row.put("procedureCode", "XK-0027");
        row.put("content", "承诺于期限内补齐食品安全管理制度文本，逾期未补齐的，自愿接受撤销许可并记入信用记录");
        row.put("madeOn", TODAY.toString());
        if (deadline != null) {
            row.put("deadline", deadline.toString());
        }
        return row;
    }

    private static Map<String, Object> batch(List<Map<String, Object>> rows) {
        return Map.of("rows", rows);
    }

    private static JsonPath report(String key, List<Map<String, Object>> rows) {
        return as(key).body(batch(rows)).when().post(COMMITMENTS).then().statusCode(200).extract().jsonPath();
    }

    /** Reports one commitment and answers its id. */
    private static String commit(String key, Subject subject, String type, LocalDate deadline) {
        JsonPath report = report(key, List.of(row(newId(), subject.uscc(), type, deadline)));
        assertEquals("created", report.getString("rows[0].outcome"), report.prettify());
        return report.getString("rows[0].commitmentId");
    }

    private static JsonPath outcome(String key, String id, Map<String, Object> body) {
        return as(key).body(body).when().post(COMMITMENTS + "/{id}/outcome", id).then().statusCode(200).extract().jsonPath();
    }

    private Integer score(Subject subject) {
        evaluations.awaitQuiet();
        String score = Jdbc.text(dataSource, "SELECT score::text FROM evaluation e JOIN subject s ON s.id = e.subject_id WHERE s.uscc = ?", subject.uscc());
        return score == null ? null : Integer.valueOf(score);
    }

    private String state(String id) {
        return Jdbc.text(dataSource, "SELECT state || '|' || version FROM commitment WHERE id = ?", Long.parseLong(id));
    }

    private int breachOverdue(LocalDate today) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> deadlines.breachOverdue(today));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldAnswerEveryRowOfABatchAndStoreOnlyTheGoodOnes() {
        Subject subject = newSubject();
        String good = newId();
        String duplicate = newId();
        Map<String, Object> noDeadline = row(newId(), subject.uscc(), "deficiency-tolerance", null);
        Map<String, Object> future = row(newId(), subject.uscc(), "voluntary", null);
        future.put("madeOn", TODAY.plusDays(1).toString());
        Map<String, Object> badUscc = row(newId(), "91659001MA0C00000", "voluntary", null);
        Map<String, Object> unknown = row(newId(), SubjectFixtures.UNREGISTERED, "voluntary", null);
        Map<String, Object> passed = row(newId(), subject.uscc(), "deficiency-tolerance", TODAY.minusDays(1));
        passed.put("madeOn", TODAY.minusDays(10).toString());
        Map<String, Object> badType = row(newId(), subject.uscc(), "promise", null);
        List<Map<String, Object>> rows = List.of(row(good, subject.uscc(), "容缺受理", TODAY.plusDays(14)), noDeadline, future, badUscc, unknown,
                passed, badType, row(duplicate, subject.uscc(), "industry-self-discipline", null),
                row(duplicate, subject.uscc(), "industry-self-discipline", null));
        JsonPath report = report(marketKey, rows);
        assertEquals(9, report.getInt("received"));
        assertEquals(2, report.getInt("created"));
        assertEquals(7, report.getInt("refused"));
        assertEquals(List.of("created", "refused", "refused", "refused", "refused", "refused", "refused", "created", "refused"),
                report.getList("rows.outcome"));
        assertEquals("deadline|required", error(report, 1));
        assertEquals("madeOn|in-the-future", error(report, 2));
        assertEquals("subjectUscc", report.getString("rows[3].errors[0].field"));
        assertEquals("subjectUscc|unknown-subject", error(report, 4));
        assertEquals("deadline|deadline-passed", error(report, 5));
        assertEquals("type|invalid", error(report, 6));
        assertEquals("sourceCommitmentId|duplicate-in-batch", error(report, 8));

        String id = report.getString("rows[0].commitmentId");
        assertEquals(2, Jdbc.scalar(dataSource, "SELECT count(*) FROM commitment WHERE subject_uscc = ?", subject.uscc()));
        JsonPath stored = as(marketKey).when().get(COMMITMENTS + "/{id}", id).then().statusCode(200).extract().jsonPath();
        assertEquals("deficiency-tolerance", stored.getString("type"));
        assertEquals("open", stored.getString("state"));
        assertEquals(marketUscc, stored.getString("departmentUscc"));
        assertEquals(MARKET_NAME, stored.getString("departmentName"));
        assertEquals(TODAY.plusDays(14).toString(), stored.getString("deadline"));
        assertEquals(true, stored.getBoolean("pendingObligations"));
        assertEquals(List.of("reported"), stored.getList("events.transition"));
        assertEquals("department", stored.getString("events[0].actor"));

        as(marketKey).body(Map.of("rows", List.of())).when().post(COMMITMENTS).then().statusCode(400)
                .body("errors[0].code", equalTo("no-rows"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(row("too-many-" + i, subject.uscc(), "voluntary", null));
        }
        as(marketKey).body(batch(tooMany)).when().post(COMMITMENTS).then().statusCode(413).body("errors[0].code", equalTo("too-many-rows"));
        assertEquals(2, Jdbc.scalar(dataSource, "SELECT count(*) FROM commitment WHERE subject_uscc = ?", subject.uscc()), "nothing more stored");
    }

    private static String error(JsonPath report, int row) {
        return report.getString("rows[" + row + "].errors[0].field") + "|" + report.getString("rows[" + row + "].errors[0].code");
    }

    @Test
    void shouldUpdateAnOpenCommitmentOnResendAndLeaveAnUnchangedOneAlone() {
        Subject subject = newSubject();
        Subject other = newSubject();
        String sourceId = newId();
        Map<String, Object> first = row(sourceId, subject.uscc(), "notification", TODAY.plusDays(30));
        String id = report(marketKey, List.of(first)).getString("rows[0].commitmentId");

        JsonPath again = report(marketKey, List.of(first));
        assertEquals("unchanged|" + id, again.getString("rows[0].outcome") + "|" + again.getString("rows[0].commitmentId"));
        assertEquals("OPEN|0", state(id));

        Map<String, Object> moved = new LinkedHashMap<>(first);
        moved.put("deadline", TODAY.plusDays(45).toString());
        moved.put("content", "承诺于45日内取得消防验收合格证明");
        assertEquals("updated", report(marketKey, List.of(moved)).getString("rows[0].outcome"));
        assertEquals("OPEN|1", state(id));
        assertEquals(TODAY.plusDays(45).toString(), Jdbc.text(dataSource, "SELECT deadline::text FROM commitment WHERE id = ?", Long.parseLong(id)));

        Map<String, Object> otherSubject = new LinkedHashMap<>(moved);
        otherSubject.put("subjectUscc", other.uscc());
        assertEquals("subjectUscc|subject-changed", error(report(marketKey, List.of(otherSubject)), 0));

        JsonPath read = as(subject.key()).when().get(COMMITMENTS + "/{id}", id).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("reported", "amended"), read.getList("events.transition"));
        assertEquals(1, read.getInt("version"));

        outcome(marketKey, id, Map.of("outcome", "fulfilled", "version", 1));
        Map<String, Object> late = new LinkedHashMap<>(moved);
        late.put("content", "承诺内容再次修改");
        assertEquals("sourceCommitmentId|not-open", error(report(marketKey, List.of(late)), 0));
        assertEquals("unchanged", report(marketKey, List.of(moved)).getString("rows[0].outcome"), "a resend of what it was is harmless");
        assertEquals("FULFILLED|2", state(id));

        // Another department's commitment of the same id is its own.
        assertEquals("created", report(housingKey, List.of(first)).getString("rows[0].outcome"));
    }

    @Test
    void shouldReplayTheFirstAnswerForTheSameKeyAndRefuseTheKeyForAnotherBatch() {
        Subject subject = newSubject();
        Map<String, Object> body = batch(List.of(row(newId(), subject.uscc(), "voluntary", null)));
        String key = "batch-" + subject.uscc();
        Response first = as(marketKey).header("Idempotency-Key", key).body(body).when().post(COMMITMENTS);
        first.then().statusCode(200).header("Idempotent-Replayed", (String) null).body("created", equalTo(1));
        Response second = as(marketKey).header("Idempotency-Key", key).body(body).when().post(COMMITMENTS);
        second.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertEquals(first.asString(), second.asString(), "the first answer, byte for byte");
        as(marketKey).header("Idempotency-Key", key).body(batch(List.of(row(newId(), subject.uscc(), "voluntary", null)))).when()
                .post(COMMITMENTS).then().statusCode(409).body("type", equalTo("https://api.opencredit.cn/problems/idempotency-key-reused"));
        as(marketKey).header("Idempotency-Key", "k".repeat(201)).body(body).when().post(COMMITMENTS).then().statusCode(400);
        assertEquals(1, Jdbc.scalar(dataSource, "SELECT count(*) FROM commitment WHERE subject_uscc = ?", subject.uscc()));
        assertEquals(1, Jdbc.scalar(dataSource, "SELECT count(*) FROM workflow_event e JOIN commitment c ON c.id = e.case_id "
                + "WHERE e.workflow = 'COMMITMENT' AND c.subject_uscc = ?", subject.uscc()));
    }

    @Test
    void shouldReportOnceWhenTwoBatchesWithOneKeyRace() throws Exception {
        Subject subject = newSubject();
        Map<String, Object> body = batch(List.of(row(newId(), subject.uscc(), "voluntary", null)));
        List<Response> answers = racing("LOCK TABLE commitment_idempotency IN SHARE MODE", "race-" + subject.uscc(), body, body);
        assertEquals(List.of(200, 200), answers.stream().map(Response::statusCode).toList());
        assertEquals(answers.get(0).asString(), answers.get(1).asString(), "the second is the first's answer");
        assertEquals(1, answers.stream().filter(answer -> "true".equals(answer.header("Idempotent-Replayed"))).count());
        assertEquals(1, Jdbc.scalar(dataSource, "SELECT count(*) FROM commitment WHERE subject_uscc = ?", subject.uscc()));
    }

    @Test
    void shouldStoreOneCommitmentWhenTwoBatchesReportItAtOnce() throws Exception {
        Subject subject = newSubject();
        Map<String, Object> body = batch(List.of(row(newId(), subject.uscc(), "voluntary", null)));
        List<Response> answers = racing("LOCK TABLE commitment IN SHARE MODE", null, body, body);
        assertEquals(List.of(200, 409), answers.stream().map(Response::statusCode).sorted().toList());
        answers.stream().filter(answer -> answer.statusCode() == 409).findFirst().orElseThrow().then()
                .body("type", equalTo("https://api.opencredit.cn/problems/conflict"));
        assertEquals(1, Jdbc.scalar(dataSource, "SELECT count(*) FROM commitment WHERE subject_uscc = ?", subject.uscc()));
        assertEquals("unchanged", report(marketKey, List.of(((List<Map<String, Object>>) body.get("rows")).getFirst()))
                .getString("rows[0].outcome"), "sent again, the batch finds it");
    }

    /** Sends both batches (under {@code key}, if any) while {@code lock} holds their inserts back; lets both go once both wait. */
    private List<Response> racing(String lock, String key, Map<String, Object> first, Map<String, Object> second) throws Exception {
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Response> one;
            CompletableFuture<Response> two;
            try (HeldLock table = HeldLock.take(dataSource, lock)) {
                one = CompletableFuture.supplyAsync(() -> send(key, first), callers);
                two = CompletableFuture.supplyAsync(() -> send(key, second), callers);
                table.awaitWaiters(2, List.of(one, two));
            }
            return List.of(one.join(), two.join());
        }
    }

    private static Response send(String key, Map<String, Object> body) {
        RequestSpecification request = as(marketKey).body(body);
        return (key == null ? request : request.header("Idempotency-Key", key)).when().post(COMMITMENTS);
    }

    @Test
    void shouldLetOnlyDepartmentsBoundToTheirUsccAndOperatorsReport() {
        Subject subject = newSubject();
        Map<String, Object> body = batch(List.of(row(newId(), subject.uscc(), "voluntary", null)));
        as(subject.key()).body(body).when().post(COMMITMENTS).then().statusCode(403);
        as(access.key(ConsumerType.BANK)).body(body).when().post(COMMITMENTS).then().statusCode(403);
        as(access.key(ConsumerType.DEPARTMENT)).body(body).when().post(COMMITMENTS).then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).when().post(COMMITMENTS).then().statusCode(401);

        Map<String, Object> foreign = row(newId(), subject.uscc(), "voluntary", null);
        foreign.put("departmentUscc", housingUscc);
        assertEquals("departmentUscc|other-department", error(report(marketKey, List.of(foreign)), 0));

        Map<String, Object> byOperator = row(newId(), subject.uscc(), "repair", null);
        assertEquals("departmentUscc|required", error(report(AccessFixtures.OPERATOR_KEY, List.of(byOperator)), 0));
        byOperator.put("departmentUscc", housingUscc);
        byOperator.put("departmentName", "石河子市住房和城乡建设局");
        String id = report(AccessFixtures.OPERATOR_KEY, List.of(byOperator)).getString("rows[0].commitmentId");
        assertEquals(housingUscc + "|石河子市住房和城乡建设局", Jdbc.text(dataSource, "SELECT department_uscc || '|' || department_name FROM commitment WHERE id = ?",
                Long.parseLong(id)));
        assertEquals(1, Jdbc.scalar(dataSource, "SELECT count(*) FROM commitment WHERE subject_uscc = ?", subject.uscc()));
    }

    @Test
    void shouldCountAFulfilledCommitmentInTheEvaluation() {
        Subject subject = newSubject();
        Integer before = score(subject);
        String id = commit(marketKey, subject, "deficiency-tolerance", TODAY.plusDays(14));
        JsonPath fulfilled = outcome(marketKey, id, Map.of("outcome", "fulfilled", "reason", "申请人已补齐材料", "version", 0));
        assertEquals("fulfilled", fulfilled.getString("state"));
        assertEquals(TODAY.toString(), fulfilled.getString("fulfilledOn"));
        assertEquals("department", fulfilled.getString("decidedBy"));
        assertEquals(1, fulfilled.getInt("version"));
        assertEquals(List.of("reported", "fulfilled"), fulfilled.getList("events.transition"));
        assertEquals("open", fulfilled.getString("events[1].from"));
        assertEquals(before + KEPT_POINTS, score(subject), "a commitment kept is a fact of the evaluation");
        assertEquals("1", Jdbc.text(dataSource, """
                SELECT count(*)::text FROM evaluation e JOIN subject s ON s.id = e.subject_id, jsonb_array_elements(e.contributions) c
                WHERE s.uscc = ? AND c->>'rule' = 'fact:commitment-kept'""", subject.uscc()));
        assertNull(Jdbc.text(dataSource, "SELECT failing_record_id::text FROM commitment WHERE id = ?", Long.parseLong(id)));
        as(marketKey).body(Map.of("outcome", "breached", "reason", "不实", "version", 1)).when().post(COMMITMENTS + "/{id}/outcome", id)
                .then().statusCode(409).body("errors", equalTo(null));
    }

    @Test
    void shouldPublishABreachAsAFailingRecordSeenInTheRecordsProfileFeedAndEvaluation() {
        Subject subject = newSubject();
        Integer before = score(subject);
        String id = commit(marketKey, subject, "notification", null);
        as(access.key(ConsumerType.APP)).when().get("/api/v1/subjects/{uscc}", subject.uscc()).then().statusCode(200)
                .body("recordCounts.commitment", equalTo(null));
        String start = feed.head();
        String reason = "经事中核查，申请人不符合所承诺的许可条件，已依法撤销许可";
        JsonPath breached = outcome(marketKey, id, Map.of("outcome", "breached", "reason", reason, "version", 0));
        assertEquals("breached", breached.getString("state"));
        assertEquals(reason, breached.getString("outcomeReason"));
        String failing = breached.getString("failingRecordId");
        assertEquals("COMMITMENT|GENERAL|违反信用承诺|" + MARKET_NAME + "|" + marketUscc + "|PUBLISHED|PUBLIC|" + TODAY.plusYears(1),
                Jdbc.text(dataSource, """
                        SELECT category || '|' || severity || '|' || title || '|' || source_department || '|' || source_department_uscc
                               || '|' || status || '|' || disclosure_level || '|' || published_until FROM credit_record WHERE id = ?""",
                        Long.parseLong(failing)));
        as(subject.key()).queryParam("category", "commitment").when().get("/api/v1/subjects/{uscc}/records", subject.uscc()).then()
                .statusCode(200).body("items.id", equalTo(List.of(failing))).body("items[0].severity", equalTo("general"))
                .body("items[0].content", containsString(reason)).body("items[0].content", containsString("告知承诺"));
        as(access.key(ConsumerType.APP)).when().get("/api/v1/subjects/{uscc}", subject.uscc()).then().statusCode(200)
                .body("recordCounts.commitment", equalTo(1));
        assertEquals("created", feed.item(start, "record", failing).get("op"));
        assertEquals(before + BROKEN_COMMITMENT_POINTS, score(subject));
        assertEquals(1, Jdbc.scalar(dataSource, "SELECT count(*) FROM history_entry WHERE table_name = 'credit_record' AND row_id = ?",
                Long.parseLong(failing)), "the record is in the hash-chained history");

        given().header("Authorization", AccessFixtures.bearer(subject.key())).when().get("/api/v1/subjects/{uscc}/timeline", subject.uscc())
                .then().statusCode(200).body("items.transition", equalTo(List.of("breached", "reported")))
                .body("items[0].workflow", equalTo("commitment")).body("items[0].reason", equalTo(reason))
                .body("items[0].actorUscc", equalTo(marketUscc));
    }

    @Test
    void shouldRefuseAnotherDepartmentAStaleVersionAndAnIncompleteOutcomeChangingNothing() {
        Subject subject = newSubject();
        LocalDate deadline = TODAY.plusDays(7);
        String id = commit(marketKey, subject, "deficiency-tolerance", deadline);
        Map<String, Object> fulfil = Map.of("outcome", "fulfilled", "version", 0);
        as(housingKey).body(fulfil).when().post(COMMITMENTS + "/{id}/outcome", id).then().statusCode(403)
                .body("type", equalTo("https://api.opencredit.cn/problems/forbidden"));
        as(subject.key()).body(fulfil).when().post(COMMITMENTS + "/{id}/outcome", id).then().statusCode(403);
        as(access.key(ConsumerType.BANK)).body(fulfil).when().post(COMMITMENTS + "/{id}/outcome", id).then().statusCode(403);
        as(marketKey).body(Map.of("outcome", "fulfilled", "version", 3)).when().post(COMMITMENTS + "/{id}/outcome", id).then().statusCode(409)
                .body("errors[0].code", equalTo("stale-version"));
        as(marketKey).body(Map.of("outcome", "breached", "reason", " ", "version", 0)).when().post(COMMITMENTS + "/{id}/outcome", id).then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        as(marketKey).body(Map.of("outcome", "cancelled", "version", 0)).when().post(COMMITMENTS + "/{id}/outcome", id).then()
                .statusCode(400);
        as(marketKey).body(Map.of("outcome", "fulfilled", "fulfilledOn", TODAY.plusDays(1).toString(), "version", 0)).when()
                .post(COMMITMENTS + "/{id}/outcome", id).then().statusCode(400).body("errors[0].code", equalTo("in-the-future"));
        as(marketKey).body(Map.of("outcome", "fulfilled", "fulfilledOn", "2026-13-01", "version", 0)).when()
                .post(COMMITMENTS + "/{id}/outcome", id).then().statusCode(400).body("errors[0].field", equalTo("fulfilledOn"));
        as(marketKey).body(Map.of("outcome", "fulfilled", "fulfilledOn", TODAY.minusDays(1).toString(), "version", 0)).when()
                .post(COMMITMENTS + "/{id}/outcome", id).then().statusCode(400).body("errors[0].code", equalTo("before-made"));
        as(marketKey).body(Map.of("outcome", "promised", "version", 0)).when().post(COMMITMENTS + "/{id}/outcome", id).then().statusCode(400);
        as(marketKey).body(Map.of("outcome", "fulfilled")).when().post(COMMITMENTS + "/{id}/outcome", id).then().statusCode(400);
        as(marketKey).body(fulfil).when().post(COMMITMENTS + "/{id}/outcome", "999999999").then().statusCode(404);
        as(marketKey).body(fulfil).when().post(COMMITMENTS + "/{id}/outcome", "abc").then().statusCode(400);
        assertEquals("OPEN|0", state(id), "nothing changed");
        assertEquals(1, Jdbc.scalar(dataSource, "SELECT count(*) FROM workflow_event WHERE workflow = 'COMMITMENT' AND case_id = ?", Long.parseLong(id)));

        JsonPath cancelled = outcome(AccessFixtures.OPERATOR_KEY, id, Map.of("outcome", "cancelled", "reason", "申请人撤回许可申请", "version", 0));
        assertEquals("cancelled|operator", cancelled.getString("state") + "|" + cancelled.getString("decidedBy"));
        assertEquals(0, Jdbc.scalar(dataSource, "SELECT count(*) FROM credit_record r JOIN subject s ON s.id = r.subject_id WHERE s.uscc = ?", subject.uscc()));
        as(marketKey).body(Map.of("outcome", "fulfilled", "version", 1)).when().post(COMMITMENTS + "/{id}/outcome", id).then().statusCode(409)
                .body("errors", equalTo(null));
        breachOverdue(deadline.plusDays(1));
        assertEquals("CANCELLED|1", state(id), "a cancelled commitment is not breached");
    }

    @Test
    void shouldBreachAnOpenDeficiencyToleranceCommitmentOnlyOnceItsDeadlineDayHasEnded() {
        Subject subject = newSubject();
        String tolerated = commit(marketKey, subject, "deficiency-tolerance", TODAY);
        String notified = commit(marketKey, subject, "notification", TODAY);
        String kept = commit(marketKey, subject, "deficiency-tolerance", TODAY);
        outcome(marketKey, kept, Map.of("outcome", "fulfilled", "version", 0));
        // As if reported ten days ago with yesterday (China time) as the deadline.
        LocalDate deadline = TODAY.minusDays(1);
        Jdbc.execute(dataSource, "UPDATE commitment SET made_on = ?, deadline = ? WHERE subject_uscc = ?", TODAY.minusDays(10), deadline, subject.uscc());

        breachOverdue(deadline);
        assertEquals("OPEN|0", state(tolerated), "the deadline day itself is still open");
        // The scheduled run itself, which takes today's date in China.
        try {
            VertxContextSupport.subscribeAndAwait(deadlines::run);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        assertEquals("BREACHED|1", state(tolerated));
        assertEquals("OPEN|0", state(notified), "only 容缺受理 commitments are breached by the platform");
        assertEquals("FULFILLED|1", state(kept));

        JsonPath breached = as(subject.key()).when().get(COMMITMENTS + "/{id}", tolerated).then().statusCode(200).extract().jsonPath();
        assertEquals("system", breached.getString("decidedBy"));
        assertEquals(List.of("reported", "deadline-passed"), breached.getList("events.transition"));
        assertEquals("system", breached.getString("events[1].actor"));
        assertEquals("breached", breached.getString("events[1].to"));
        assertEquals(false, breached.getBoolean("overdue"));
        String failing = breached.getString("failingRecordId");
        assertEquals("COMMITMENT|GENERAL|" + marketUscc + "|" + TODAY, Jdbc.text(dataSource, "SELECT category || '|' || severity || '|' || "
                + "source_department_uscc || '|' || decision_date FROM credit_record WHERE id = ?", Long.parseLong(failing)),
                "broken the day after the deadline");
        as(subject.key()).queryParam("category", "commitment").when().get("/api/v1/subjects/{uscc}/records", subject.uscc()).then()
                .statusCode(200).body("items.id", equalTo(List.of(failing))).body("items[0].content", containsString("届满"));

        as(subject.key()).queryParam("overdue", "true").when().get("/api/v1/subjects/{uscc}/commitments", subject.uscc()).then()
                .statusCode(200).body("items.id", equalTo(List.of(notified)));
        breachOverdue(TODAY.plusDays(1));
        assertEquals(1, Jdbc.scalar(dataSource, "SELECT count(*) FROM credit_record WHERE source_record_id = ?", "commitment:" + tolerated + ":breach"),
                "a later run leaves a breached commitment alone");
        assertEquals(2, Jdbc.scalar(dataSource, "SELECT count(*) FROM workflow_event WHERE workflow = 'COMMITMENT' AND case_id = ?", Long.parseLong(tolerated)));
    }

    @Test
    void shouldBreachEachOverdueCommitmentExactlyOnceWhenTwoRunsRace() throws Exception {
        Subject subject = newSubject();
        LocalDate deadline = TODAY.plusDays(25);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(commit(marketKey, subject, "deficiency-tolerance", deadline));
        }
        try (ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> breachOverdue(deadline.plusDays(1)), runs);
            CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> breachOverdue(deadline.plusDays(1)), runs);
            CompletableFuture.allOf(one, two).join();
        }
        for (String id : ids) {
            assertEquals("BREACHED|1", state(id));
            assertEquals(1, Jdbc.scalar(dataSource, "SELECT count(*) FROM workflow_event WHERE workflow = 'COMMITMENT' AND case_id = ? AND "
                    + "transition = 'deadline-passed'", Long.parseLong(id)));
        }
        assertEquals(8, Jdbc.scalar(dataSource, "SELECT count(*) FROM credit_record r JOIN subject s ON s.id = r.subject_id WHERE s.uscc = ? AND "
                + "r.category = 'COMMITMENT'", subject.uscc()));
        assertEquals(8, Jdbc.scalar(dataSource, "SELECT count(DISTINCT failing_record_id) FROM commitment WHERE subject_uscc = ?", subject.uscc()));
    }

    @Test
    void shouldListCommitmentsToTheirPartiesOnly() {
        Subject subject = newSubject();
        Subject other = newSubject();
        String open = commit(marketKey, subject, "notification", TODAY.plusDays(30));
        String overdue = commit(marketKey, subject, "notification", TODAY.plusDays(30));
        Jdbc.execute(dataSource, "UPDATE commitment SET made_on = current_date - 10, deadline = current_date - 3 WHERE id = ?", Long.parseLong(overdue));
        String voluntary = commit(housingKey, subject, "voluntary", null);
        outcome(housingKey, voluntary, Map.of("outcome", "fulfilled", "version", 0));

        String read = "commitments-" + subject.uscc();
        as(subject.key()).header("X-Request-Id", read).when().get("/api/v1/subjects/{uscc}/commitments", subject.uscc()).then()
                .statusCode(200).body("items.id", equalTo(List.of(voluntary, overdue, open)));
        assertEquals("subject.commitments|" + subject.uscc(), Jdbc.text(dataSource, "SELECT operation || '|' || subject_uscc FROM audit_access_log WHERE "
                + "request_id = ?", read), "a read of one subject is in its access log");
        as(subject.key()).queryParam("state", "fulfilled").when().get("/api/v1/subjects/{uscc}/commitments", subject.uscc()).then()
                .statusCode(200).body("items.id", equalTo(List.of(voluntary)));
        as(subject.key()).queryParam("type", "告知承诺").queryParam("limit", 1).when().get("/api/v1/subjects/{uscc}/commitments", subject.uscc())
                .then().statusCode(200).body("items.id", equalTo(List.of(overdue))).body("nextCursor", not(equalTo(null)));
        as(subject.key()).when().get("/api/v1/subjects/{uscc}/commitments", other.uscc()).then().statusCode(403);
        as(marketKey).when().get("/api/v1/subjects/{uscc}/commitments", subject.uscc()).then().statusCode(403);
        as(access.key(ConsumerType.BANK)).when().get("/api/v1/subjects/{uscc}/commitments", subject.uscc()).then().statusCode(403);
        as(AccessFixtures.OPERATOR_KEY).when().get("/api/v1/subjects/{uscc}/commitments", subject.uscc()).then().statusCode(200)
                .body("items.size()", equalTo(3));
        as(subject.key()).queryParam("state", "nonsense").when().get("/api/v1/subjects/{uscc}/commitments", subject.uscc()).then()
                .statusCode(400);

        as(marketKey).queryParam("overdue", "true").queryParam("limit", 100).when().get(COMMITMENTS).then().statusCode(200)
                .body("items.id", hasItem(overdue)).body("items.id", not(hasItem(open)))
                .body("items.find { it.id == '" + overdue + "' }.overdue", equalTo(true));
        String listed = "commitments-list-" + subject.uscc();
        as(marketKey).header("X-Request-Id", listed).queryParam("subject", subject.uscc()).when().get(COMMITMENTS).then().statusCode(200)
                .body("items.id", equalTo(List.of(overdue, open)));
        assertEquals("commitments.list|2", Jdbc.text(dataSource, "SELECT operation || '|' || items FROM audit_operation_log WHERE request_id = ?", listed));
        as(housingKey).queryParam("subject", subject.uscc()).when().get(COMMITMENTS).then().statusCode(200)
                .body("items.id", equalTo(List.of(voluntary)));
        as(other.key()).when().get(COMMITMENTS).then().statusCode(200).body("items", equalTo(List.of()));
        as(AccessFixtures.OPERATOR_KEY).queryParam("department", housingUscc).queryParam("subject", subject.uscc()).when().get(COMMITMENTS)
                .then().statusCode(200).body("items.id", equalTo(List.of(voluntary)));

        as(subject.key()).when().get(COMMITMENTS + "/{id}", open).then().statusCode(200);
        as(other.key()).when().get(COMMITMENTS + "/{id}", open).then().statusCode(403);
        as(housingKey).when().get(COMMITMENTS + "/{id}", open).then().statusCode(403);
        as(access.key(ConsumerType.CREDIT_AGENCY)).when().get(COMMITMENTS + "/{id}", open).then().statusCode(403);
        as(marketKey).when().get(COMMITMENTS + "/{id}", "999999999").then().statusCode(404);
    }

    @Test
    void shouldGiveFulfilmentRatesPerTypeDepartmentAndMonth() {
        String statsUscc = department("MBCM" + "%04d".formatted(3 + SUBJECTS.incrementAndGet() % 9000));
        String statsKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("石河子市统计测试局", ConsumerType.DEPARTMENT, statsUscc, null,
                "standard"));
        Subject subject = newSubject();
        String a = commit(statsKey, subject, "deficiency-tolerance", TODAY.plusDays(10));
        String b = commit(statsKey, subject, "deficiency-tolerance", TODAY.plusDays(10));
        String c = commit(statsKey, subject, "notification", null);
        commit(statsKey, subject, "voluntary", null);
        outcome(statsKey, a, Map.of("outcome", "fulfilled", "version", 0));
        outcome(statsKey, b, Map.of("outcome", "fulfilled", "version", 0));
        outcome(statsKey, c, Map.of("outcome", "breached", "reason", "承诺不实", "version", 0));

        String requestId = "commitment-stats-" + statsUscc;
        JsonPath stats = given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP))).header("X-Request-Id", requestId)
                .queryParam("department", statsUscc).when().get("/api/v1/stats/commitments").then().statusCode(200).extract().jsonPath();
        assertEquals("stats.commitments", Jdbc.text(dataSource, "SELECT operation FROM audit_operation_log WHERE request_id = ?", requestId));
        assertEquals(statsUscc, stats.getString("department"));
        assertEquals("4|0.6667", stats.getString("departments[0].reported") + "|" + stats.getString("departments[0].fulfilmentRate"));
        assertEquals("石河子市统计测试局", stats.getString("departments[0].departmentName"));
        Map<String, String> byType = new HashMap<>();
        for (Map<String, Object> counts : stats.<Map<String, Object>>getList("types")) {
            byType.put((String) counts.get("type"), counts.get("fulfilled") + "/" + counts.get("breached") + "/" + counts.get("open") + "/"
                    + counts.get("fulfilmentRate"));
        }
        assertEquals(Map.of("deficiency-tolerance", "2/0/0/1.0", "notification", "0/1/0/0.0", "voluntary", "0/0/1/null"), byType);
        assertEquals(TODAY.toString().substring(0, 7), stats.getString("months[0].month"));
        assertEquals(4, stats.getInt("months[0].reported"));

        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP))).queryParam("department", statsUscc)
                .queryParam("type", "notification").when().get("/api/v1/stats/commitments").then().statusCode(200)
                .body("types.type", equalTo(List.of("notification"))).body("departments[0].reported", equalTo(1));
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP))).queryParam("from", "2026-12-31")
                .queryParam("to", "2026-01-01").when().get("/api/v1/stats/commitments").then().statusCode(400);
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP))).queryParam("department", "123").when()
                .get("/api/v1/stats/commitments").then().statusCode(400);
        given().when().get("/api/v1/stats/commitments").then().statusCode(401);
    }
}
