package cn.opencredit.gateway.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.changefeed.ChangeFeedProbe;
import cn.opencredit.gateway.evaluation.EvaluationFixtures;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.testing.HeldLock;
import cn.opencredit.gateway.testing.Jdbc;

/**
 * Voluntary registration end to end: who submits what, where it is routed, every transition and
 * refusal, and what a verification, a withdrawal and a finding of falsity change elsewhere (records,
 * profile, change feed, evaluation, timeline).
 */
@QuarkusTest
class RegistrationTests {

    private static final String PROBLEM = "application/problem+json";
    private static final String REGISTRATIONS = "/api/v1/registrations";
    /** The departments the test profile routes region 659001 to (application.properties). */
    private static final String MARKET = "11659001MB0000019Q";
    private static final String MARKET_NAME = "石河子市市场监督管理局";
    private static final String TAX = "11659001MBRG000127";
    private static final String CIVIL = "11659001MBRG000202";
    private static final String CORPS_CIVIL = "11659000MBRG000556";
    /** The model's points for one verified item (model-2026.1.yaml, facts registration-verified). */
    private static final int VERIFIED_POINTS = 5;
    /** The model's points for a general commitment failing (records commitment:general). */
    private static final int BROKEN_COMMITMENT_POINTS = -40;
    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    private final AgroalDataSource dataSource;
    private final SubjectFixtures subjects;
    private final AccessFixtures access;
    private final EvaluationFixtures evaluations;
    private final ChangeFeedProbe feed;
    private static String marketKey;
    private static String taxKey;

    RegistrationTests(AgroalDataSource dataSource, SubjectFixtures subjects, AccessFixtures access, EvaluationFixtures evaluations,
            ChangeFeedProbe feed) {
        this.feed = feed;
        this.dataSource = dataSource;
        this.subjects = subjects;
        this.access = access;
        this.evaluations = evaluations;
    }

    @BeforeEach
    void ready() {
        subjects.ensureLoaded();
        if (marketKey == null) {
            marketKey = AccessFixtures.issueKey(AccessFixtures.createConsumer(MARKET_NAME, ConsumerType.DEPARTMENT, MARKET, null, "standard"));
            taxKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("国家税务总局石河子市税务局", ConsumerType.DEPARTMENT, TAX, null,
                    "standard"));
        }
    }

    /** An enterprise registered in 2015 and a consumer bound to it. */
    private record Subject(String uscc, String name, String key) {
    }

    private Subject newSubject() {
        return newSubject(SubjectFixtures.REGION);
    }

    private Subject newSubject(String region) {
        String body = "MA0R%04d".formatted(SUBJECTS.incrementAndGet());
        String first17 = "91" + region + body + Uscc.organisationCodeCheckCharacter(body);
        String uscc = first17 + Uscc.checkCharacter(first17);
        String name = "石河子注册测试（" + body.substring(4) + "）有限公司";
        Jdbc.execute(dataSource, """
                INSERT INTO subject (uscc, name, subject_type, legal_representative, region_code, industry_section, registered_on, status)
                VALUES (?, ?, 'ENTERPRISE', '王建国', ?, 'G', DATE '2015-03-18', 'ACTIVE')""", uscc, name, region);
        String key = AccessFixtures.issueKey(AccessFixtures.createConsumer("主体 " + uscc, ConsumerType.SUBJECT, uscc, null, "standard"));
        return new Subject(uscc, name, key);
    }

    private static RequestSpecification as(String key) {
        return given().header("Authorization", AccessFixtures.bearer(key)).contentType(ContentType.JSON);
    }

    private static Map<String, Object> commitment() {
        return Map.of("text", RegistrationConfig.STANDARD_COMMITMENT, "accepted", true);
    }

    private static Map<String, Object> qualification(String uscc) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("certificateName", "食品经营许可证");
        fields.put("certificateNumber", "JY1659001" + uscc.substring(12, 16));
        fields.put("issuingAuthority", MARKET_NAME);
        fields.put("validFrom", "2024-03-01");
        fields.put("validUntil", "2029-02-28");
        return body(uscc, "qualification", fields);
    }

    private static Map<String, Object> body(String uscc, String category, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectUscc", uscc);
        body.put("category", category);
        body.put("fields", fields);
        body.put("commitment", commitment());
        return body;
    }

    private static JsonPath submit(String key, Map<String, Object> body) {
        return as(key).body(body).when().post(REGISTRATIONS).then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath verify(String key, String id, int version) {
        return as(key).body(Map.of("outcome", "verified", "reason", "经核实，证照信息与发证机关登记一致", "version", version))
                .when().post(REGISTRATIONS + "/{id}/verification", id).then().statusCode(200).extract().jsonPath();
    }

    private long registrations(Subject subject) {
        return Jdbc.scalar(dataSource, "SELECT count(*) FROM registration WHERE subject_uscc = ?", subject.uscc());
    }

    private Integer score(Subject subject) {
        evaluations.awaitQuiet();
        String score = Jdbc.text(dataSource, "SELECT score::text FROM evaluation e JOIN subject s ON s.id = e.subject_id WHERE s.uscc = ?", subject.uscc());
        return score == null ? null : Integer.valueOf(score);
    }

    @Test
    void shouldPublishTheCommitmentTextToEveryone() {
        given().when().get(REGISTRATIONS + "/commitment-text").then().statusCode(200)
                .body("text", equalTo(RegistrationConfig.STANDARD_COMMITMENT));
    }

    @Test
    void shouldSubmitAnItemToItsDepartmentDueInTenWorkingDays() throws IOException {
        Subject subject = newSubject();
        Response response = as(subject.key()).body(qualification(subject.uscc())).when().post(REGISTRATIONS);
        response.then().statusCode(201).header("Location", endsWith(REGISTRATIONS + "/" + response.path("id")));
        JsonPath submitted = response.jsonPath();
        assertEquals("submitted", submitted.getString("state"));
        assertEquals(MARKET, submitted.getString("departmentUscc"));
        assertEquals("subject", submitted.getString("submitterType"));
        assertEquals("食品经营许可证", submitted.getString("title"));
        assertEquals(RegistrationConfig.STANDARD_COMMITMENT, submitted.getString("commitmentText"));
        assertEquals(List.of("submitted"), submitted.getList("events.transition"));
        assertEquals(0, submitted.getInt("version"));
        WorkdayCalendar calendar;
        try (InputStream shipped = getClass().getClassLoader().getResourceAsStream("calendar/cn-workday-calendar.json")) {
            calendar = WorkdayCalendar.parse(shipped, "shipped");
        }
        assertEquals(calendar.workingDayAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")), 10).toString(), submitted.getString("dueOn"));
        assertEquals(1, registrations(subject));
        assertEquals(0, Jdbc.scalar(dataSource, "SELECT count(*) FROM credit_record r JOIN subject s ON s.id = r.subject_id WHERE s.uscc = ?", subject.uscc()),
                "nothing is published before the verification");

        Map<String, Object> operations = body(subject.uscc(), "operations", Map.of("year", 2025, "revenue", "12000000", "employees", 86));
        JsonPath figures = submit(subject.key(), operations);
        assertEquals(TAX, figures.getString("departmentUscc"));
        assertEquals("12000000.00", figures.getString("fields.revenue"));
        assertEquals("2025年度经营情况", figures.getString("title"));
    }

    @Test
    void shouldRouteByTheLongestRegionPrefixAndRefuseAnItemNoDepartmentVerifies() {
        Map<String, Object> welfare = Map.of("activity", "捐资助学", "date", "2026-09-01", "amount", "50000.00");
        Subject inCity = newSubject();
        assertEquals(CIVIL, submit(inCity.key(), body(inCity.uscc(), "public-welfare", welfare)).getString("departmentUscc"));
        Subject nextCity = newSubject("659002");
        assertEquals(CORPS_CIVIL, submit(nextCity.key(), body(nextCity.uscc(), "public-welfare", welfare)).getString("departmentUscc"));

        as(nextCity.key()).body(qualification(nextCity.uscc())).when().post(REGISTRATIONS).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/conflict"))
                .body("errors[0].field", equalTo("category")).body("errors[0].code", equalTo("no-department"));
        Subject elsewhere = newSubject("410526");
        as(elsewhere.key()).body(body(elsewhere.uscc(), "public-welfare", welfare)).when().post(REGISTRATIONS).then().statusCode(409)
                .body("errors[0].code", equalTo("no-department")).body("detail", containsString("410526"));
        assertEquals(1, registrations(nextCity), "nothing of the refused item is stored");
        assertEquals(0, registrations(elsewhere));
    }

    @Test
    void shouldNameEveryBadFieldAndStoreNothing() {
        Subject subject = newSubject();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("certificateName", "食品经营许可证");
        fields.put("validFrom", "2024-02-30");
        fields.put("validUntil", "2029-02-28");
        fields.put("colour", "red");
        as(subject.key()).body(body(subject.uscc(), "qualification", fields)).when().post(REGISTRATIONS).then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("https://api.opencredit.cn/problems/validation-failed"))
                .body("errors.field", equalTo(List.of("fields.colour", "fields.certificateNumber", "fields.issuingAuthority", "fields.validFrom")))
                .body("errors.code", equalTo(List.of("unknown-field", "required", "required", "invalid")));
        Map<String, Object> unknown = body(subject.uscc(), "qualification", Map.of());
        unknown.put("category", "awards");
        as(subject.key()).body(unknown).when().post(REGISTRATIONS).then().statusCode(400).contentType(PROBLEM);
        as(subject.key()).body(body(subject.uscc(), "honour", Map.of("title", "守合同重信用企业", "awardedBy", "自治区市场监管局",
                "awardedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString()))).when().post(REGISTRATIONS).then().statusCode(400)
                .body("errors[0].field", equalTo("fields.awardedOn")).body("errors[0].code", equalTo("in-the-future"));
        assertEquals(0, registrations(subject));
    }

    @Test
    void shouldRequireThePublishedCommitmentAcceptedExplicitly() {
        Subject subject = newSubject();
        Map<String, Object> notAccepted = qualification(subject.uscc());
        notAccepted.put("commitment", Map.of("text", RegistrationConfig.STANDARD_COMMITMENT, "accepted", false));
        as(subject.key()).body(notAccepted).when().post(REGISTRATIONS).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("commitment.accepted")).body("errors[0].code", equalTo("not-accepted"));
        Map<String, Object> otherText = qualification(subject.uscc());
        otherText.put("commitment", Map.of("text", "本单位承诺信息基本属实。", "accepted", true));
        as(subject.key()).body(otherText).when().post(REGISTRATIONS).then().statusCode(400)
                .body("errors[0].field", equalTo("commitment.text")).body("errors[0].code", equalTo("not-the-published-text"));
        Map<String, Object> none = qualification(subject.uscc());
        none.remove("commitment");
        as(subject.key()).body(none).when().post(REGISTRATIONS).then().statusCode(400);
        assertEquals(0, registrations(subject));
    }

    @Test
    void shouldLetASubjectRegisterOnlyForItselfAndOperatorsForAnyone() {
        Subject subject = newSubject();
        Subject other = newSubject();
        as(other.key()).body(qualification(subject.uscc())).when().post(REGISTRATIONS).then().statusCode(403).contentType(PROBLEM)
                .body("errors[0].code", equalTo("not-your-uscc"));
        as(marketKey).body(qualification(subject.uscc())).when().post(REGISTRATIONS).then().statusCode(403);
        as(access.key(ConsumerType.BANK)).body(qualification(subject.uscc())).when().post(REGISTRATIONS).then().statusCode(403);
        as(subject.key()).body(qualification(SubjectFixtures.UNREGISTERED)).when().post(REGISTRATIONS).then().statusCode(403);
        assertEquals(0, registrations(subject));

        JsonPath byOperator = submit(AccessFixtures.OPERATOR_KEY, qualification(subject.uscc()));
        assertEquals("operator", byOperator.getString("submitterType"));
        as(AccessFixtures.OPERATOR_KEY).body(qualification(SubjectFixtures.UNREGISTERED)).when().post(REGISTRATIONS).then().statusCode(404)
                .body("type", equalTo("https://api.opencredit.cn/problems/subject-not-found"));
        assertEquals(1, registrations(subject));
    }

    @Test
    void shouldAnswerTheSameItemForTheSameKeyAndRefuseTheKeyForAnother() {
        Subject subject = newSubject();
        String key = "reg-" + subject.uscc();
        String id = as(subject.key()).header("Idempotency-Key", key).body(qualification(subject.uscc())).when().post(REGISTRATIONS)
                .then().statusCode(201).extract().path("id");
        as(subject.key()).header("Idempotency-Key", key).body(qualification(subject.uscc())).when().post(REGISTRATIONS).then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        Map<String, Object> another = qualification(subject.uscc());
        ((Map<String, Object>) another.get("fields")).put("certificateNumber", "JY000");
        as(subject.key()).header("Idempotency-Key", key).body(another).when().post(REGISTRATIONS).then().statusCode(409)
                .body("type", equalTo("https://api.opencredit.cn/problems/idempotency-key-reused"));
        assertEquals(1, registrations(subject));
        assertEquals(1, Jdbc.scalar(dataSource, "SELECT count(*) FROM workflow_event WHERE workflow = 'REGISTRATION' AND case_id = ?", Long.parseLong(id)));
    }

    /**
     * Two requests under one key, both past the look-up for the key before either stores its item
     * (held at the table's lock): the later finds the key taken when it stores, and answers the
     * earlier's item like a retry, or 409 when its request is another.
     */
    @Test
    void shouldStoreOneItemWhenTwoRequestsWithOneKeyRace() throws Exception {
        Subject subject = newSubject();
        Map<String, Object> body = qualification(subject.uscc());
        List<Response> same = racing(subject.key(), "race-" + subject.uscc(), body, body);
        assertEquals(List.of(201, 200), same.stream().map(Response::statusCode).sorted(Comparator.reverseOrder()).toList());
        assertEquals(same.get(0).path("id").toString(), same.get(1).path("id").toString());
        assertEquals(1, registrations(subject));

        Map<String, Object> another = qualification(subject.uscc());
        ((Map<String, Object>) another.get("fields")).put("certificateNumber", "JY000");
        List<Response> different = racing(subject.key(), "race-2-" + subject.uscc(), body, another);
        assertEquals(List.of(201, 409), different.stream().map(Response::statusCode).sorted().toList());
        different.stream().filter(response -> response.statusCode() == 409).findFirst().orElseThrow().then()
                .body("type", equalTo("https://api.opencredit.cn/problems/idempotency-key-reused"));
        assertEquals(2, registrations(subject));
        assertEquals(2, Jdbc.scalar(dataSource, "SELECT count(*) FROM workflow_event e JOIN registration r ON r.id = e.case_id "
                + "WHERE e.workflow = 'REGISTRATION' AND r.subject_uscc = ?", subject.uscc()));
    }

    /** Sends both bodies under {@code key} while the table is locked against inserts, lets both go once both wait to insert. */
    private List<Response> racing(String subjectKey, String key, Map<String, Object> first, Map<String, Object> second) throws Exception {
        Function<Map<String, Object>, Supplier<Response>> sending = body -> () -> as(subjectKey)
                .header("Idempotency-Key", key).body(body).when().post(REGISTRATIONS);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Response> one;
            CompletableFuture<Response> two;
            try (HeldLock table = HeldLock.take(dataSource, "LOCK TABLE registration IN SHARE MODE")) {
                one = CompletableFuture.supplyAsync(sending.apply(first), callers);
                two = CompletableFuture.supplyAsync(sending.apply(second), callers);
                table.awaitWaiters(2, List.of(one, two));
            }
            return List.of(one.join(), two.join());
        }
    }

    @Test
    void shouldCiteOnlyTheSubmittersOwnEvidence() {
        Subject subject = newSubject();
        Subject other = newSubject();
        byte[] pdf = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        String own = given().header("Authorization", AccessFixtures.bearer(subject.key())).contentType("application/pdf").body(pdf)
                .when().post("/api/v1/evidence").then().statusCode(201).extract().path("id");
        String foreign = given().header("Authorization", AccessFixtures.bearer(other.key())).contentType("application/pdf").body(pdf)
                .when().post("/api/v1/evidence").then().statusCode(201).extract().path("id");
        Map<String, Object> citingForeign = qualification(subject.uscc());
        citingForeign.put("evidence", List.of(foreign));
        as(subject.key()).body(citingForeign).when().post(REGISTRATIONS).then().statusCode(400).body("errors[0].field", equalTo("evidence"));
        assertEquals(0, registrations(subject));
        Map<String, Object> citingOwn = qualification(subject.uscc());
        citingOwn.put("evidence", List.of(own, own));
        String id = submit(subject.key(), citingOwn).getString("id");
        as(marketKey).when().get(REGISTRATIONS + "/{id}", id).then().statusCode(200).body("evidence", equalTo(List.of(own)));
        given().header("Authorization", AccessFixtures.bearer(marketKey)).when().get("/api/v1/evidence/{id}", own).then().statusCode(200);
    }

    @Test
    void shouldPublishAVerifiedItemAsAVoluntaryRecordThatCountsUntilWithdrawn() {
        Subject subject = newSubject();
        Integer before = score(subject);
        assertNotNull(before, "the subject is evaluated");
        as(subject.key()).when().get("/api/v1/subjects/{uscc}", subject.uscc()).then().statusCode(200)
                .body("recordCounts.voluntary", nullValue());
        String start = feed.head();
        String id = submit(subject.key(), qualification(subject.uscc())).getString("id");

        JsonPath verified = verify(marketKey, id, 0);
        assertEquals("verified", verified.getString("state"));
        assertEquals(1, verified.getInt("version"));
        assertEquals(List.of("submitted", "verified"), verified.getList("events.transition"));
        assertEquals("department", verified.getString("events[1].actor"));
        assertEquals(MARKET, verified.getString("events[1].actorUscc"));
        String recordId = verified.getString("recordId");
        assertEquals("VOLUNTARY", Jdbc.text(dataSource, "SELECT category FROM credit_record WHERE id = ?", Long.parseLong(recordId)));
        as(subject.key()).queryParam("category", "voluntary").when().get("/api/v1/subjects/{uscc}/records", subject.uscc()).then().statusCode(200)
                .body("items.id", equalTo(List.of(recordId)))
                .body("items[0].title", equalTo("自愿注册信息：资质证照（食品经营许可证）"))
                .body("items[0].sourceDepartment.name", equalTo(subject.name()))
                .body("items[0].sourceDepartment.uscc", equalTo(subject.uscc()))
                .body("items[0].content", containsString("证照名称：食品经营许可证"))
                .body("items[0].severity", nullValue())
                .body("items[0].status", equalTo("published"));
        as(subject.key()).when().get("/api/v1/subjects/{uscc}", subject.uscc()).then().statusCode(200).body("recordCounts.voluntary", equalTo(1));
        Map<String, Object> created = feed.item(start, "record", recordId);
        assertEquals("created", created.get("op"));
        assertEquals(before + VERIFIED_POINTS, score(subject), "a verified item counts by the model's registration-verified points");
        as(subject.key()).when().get("/api/v1/subjects/{uscc}/evaluation", subject.uscc()).then().statusCode(200)
                .body("contributions.rule", hasItem("fact:registration-verified"))
                .body("contributions.find { it.rule == 'fact:registration-verified' }.source.id", equalTo("registration-" + id));

        String afterCreation = feedCursor(created);
        as(subject.key()).body(Map.of("version", 0, "reason", "x")).when().post(REGISTRATIONS + "/{id}/withdrawal", id).then().statusCode(409)
                .body("errors[0].code", equalTo("stale-version"));
        JsonPath withdrawn = as(subject.key()).body(Map.of("version", 1, "reason", "证照已注销")).when().post(REGISTRATIONS + "/{id}/withdrawal", id)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("withdrawn", withdrawn.getString("state"));
        assertEquals(2, withdrawn.getInt("version"), "one version per transition");
        assertEquals("证照已注销", withdrawn.getString("withdrawalReason"));
        assertEquals(List.of("submitted", "verified", "withdrawn"), withdrawn.getList("events.transition"));
        assertEquals("REVOKED", Jdbc.text(dataSource, "SELECT status FROM credit_record WHERE id = ?", Long.parseLong(recordId)));
        as(subject.key()).queryParam("category", "voluntary").when().get("/api/v1/subjects/{uscc}/records", subject.uscc()).then().statusCode(200)
                .body("items", equalTo(List.of()));
        as(subject.key()).when().get("/api/v1/subjects/{uscc}", subject.uscc()).then().statusCode(200).body("recordCounts.voluntary", nullValue());
        assertEquals("unpublished", feed.item(afterCreation, "record", recordId).get("op"));
        assertEquals(before, score(subject), "a withdrawn item no longer counts");
    }

    @Test
    void shouldRefuseAnotherDepartmentAStaleVersionAndASecondVerification() {
        Subject subject = newSubject();
        String id = submit(subject.key(), qualification(subject.uscc())).getString("id");
        as(taxKey).body(Map.of("outcome", "verified", "version", 0)).when().post(REGISTRATIONS + "/{id}/verification", id).then().statusCode(403)
                .contentType(PROBLEM).body("detail", containsString(MARKET));
        as(subject.key()).body(Map.of("outcome", "verified", "version", 0)).when().post(REGISTRATIONS + "/{id}/verification", id).then()
                .statusCode(403);
        as(marketKey).body(Map.of("outcome", "verified", "version", 3)).when().post(REGISTRATIONS + "/{id}/verification", id).then()
                .statusCode(409).body("errors[0].field", equalTo("version")).body("errors[0].code", equalTo("stale-version"));
        as(marketKey).body(Map.of("outcome", "rejected", "reason", " ", "version", 0)).when().post(REGISTRATIONS + "/{id}/verification", id)
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as(marketKey).body(Map.of("outcome", "verified", "version", 0)).when().post(REGISTRATIONS + "/999999999/verification").then()
                .statusCode(404);
        assertEquals("SUBMITTED|0", Jdbc.text(dataSource, "SELECT state || '|' || version FROM registration WHERE id = ?", Long.parseLong(id)), "nothing changed");
        assertEquals(1, Jdbc.scalar(dataSource, "SELECT count(*) FROM workflow_event WHERE workflow = 'REGISTRATION' AND case_id = ?", Long.parseLong(id)));

        JsonPath byOperator = verify(AccessFixtures.OPERATOR_KEY, id, 0);
        assertEquals("operator", byOperator.getString("events[1].actor"));
        as(marketKey).body(Map.of("outcome", "rejected", "reason", "再次核实", "version", 1)).when().post(REGISTRATIONS + "/{id}/verification", id)
                .then().statusCode(409).body("detail", containsString("verified already"));
        assertEquals(1, Jdbc.scalar(dataSource, "SELECT count(*) FROM credit_record WHERE source_record_id = ?", "registration:" + id), "one record");
    }

    @Test
    void shouldRejectWithAReasonAndPublishNothing() {
        Subject subject = newSubject();
        String id = submit(subject.key(), qualification(subject.uscc())).getString("id");
        JsonPath rejected = as(marketKey).body(Map.of("outcome", "rejected", "reason", "证照编号与发证机关登记不符", "version", 0))
                .when().post(REGISTRATIONS + "/{id}/verification", id).then().statusCode(200).extract().jsonPath();
        assertEquals("rejected", rejected.getString("state"));
        assertEquals("证照编号与发证机关登记不符", rejected.getString("decisionReason"));
        assertEquals(List.of("submitted", "rejected"), rejected.getList("events.transition"));
        assertEquals("证照编号与发证机关登记不符", rejected.getString("events[1].reason"));
        assertEquals(0, Jdbc.scalar(dataSource, "SELECT count(*) FROM credit_record WHERE source_record_id = ?", "registration:" + id));
        as(subject.key()).body(Map.of("version", 1)).when().post(REGISTRATIONS + "/{id}/withdrawal", id).then().statusCode(409)
                .body("detail", containsString("only submitted and verified items are withdrawn"));
        as(marketKey).body(Map.of("reason", "不实", "version", 1)).when().post(REGISTRATIONS + "/{id}/falsity", id).then().statusCode(409)
                .body("detail", containsString("only a verified item can be found false"));
    }

    @Test
    void shouldLetOnlyTheSubjectWithdrawASubmittedItem() {
        Subject subject = newSubject();
        Subject other = newSubject();
        String id = submit(subject.key(), qualification(subject.uscc())).getString("id");
        as(other.key()).body(Map.of("version", 0)).when().post(REGISTRATIONS + "/{id}/withdrawal", id).then().statusCode(403)
                .body("detail", containsString(subject.uscc()));
        as(marketKey).body(Map.of("version", 0)).when().post(REGISTRATIONS + "/{id}/withdrawal", id).then().statusCode(403);
        assertEquals("SUBMITTED", Jdbc.text(dataSource, "SELECT state FROM registration WHERE id = ?", Long.parseLong(id)));
        JsonPath withdrawn = as(subject.key()).body(Map.of("version", 0)).when().post(REGISTRATIONS + "/{id}/withdrawal", id).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("withdrawn", withdrawn.getString("state"));
        assertEquals(1, withdrawn.getInt("version"));
        assertEquals(List.of("submitted", "withdrawn"), withdrawn.getList("events.transition"));
        assertEquals(0, Jdbc.scalar(dataSource, "SELECT count(*) FROM credit_record WHERE source_record_id = ?", "registration:" + id));
        as(marketKey).body(Map.of("outcome", "verified", "version", 1)).when().post(REGISTRATIONS + "/{id}/verification", id).then()
                .statusCode(409).body("detail", containsString("withdrawn already"));
    }

    @Test
    void shouldTurnAnItemFoundFalseIntoAFailingRecordThatLowersTheScore() {
        Subject subject = newSubject();
        Integer before = score(subject);
        String id = submit(subject.key(), qualification(subject.uscc())).getString("id");
        String recordId = verify(marketKey, id, 0).getString("recordId");
        assertEquals(before + VERIFIED_POINTS, score(subject));
        String start = feed.head();

        as(taxKey).body(Map.of("reason", "不实", "version", 1)).when().post(REGISTRATIONS + "/{id}/falsity", id).then().statusCode(403);
        as(subject.key()).body(Map.of("reason", "不实", "version", 1)).when().post(REGISTRATIONS + "/{id}/falsity", id).then().statusCode(403);
        as(marketKey).body(Map.of("reason", "不实", "version", 0)).when().post(REGISTRATIONS + "/{id}/falsity", id).then().statusCode(409)
                .body("errors[0].code", equalTo("stale-version"));
        as(marketKey).body(Map.of("reason", " ", "version", 1)).when().post(REGISTRATIONS + "/{id}/falsity", id).then().statusCode(400);
        assertEquals("VERIFIED|1", Jdbc.text(dataSource, "SELECT state || '|' || version FROM registration WHERE id = ?", Long.parseLong(id)), "nothing changed");

        String reason = "经核查，该证照已于2026年6月被发证机关注销";
        JsonPath found = as(marketKey).body(Map.of("reason", reason, "version", 1)).when().post(REGISTRATIONS + "/{id}/falsity", id)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("found-false", found.getString("state"));
        assertEquals(2, found.getInt("version"));
        assertEquals(reason, found.getString("falsityReason"));
        assertEquals(List.of("submitted", "verified", "found-false"), found.getList("events.transition"));
        assertEquals("REVOKED", Jdbc.text(dataSource, "SELECT status FROM credit_record WHERE id = ?", Long.parseLong(recordId)));
        String failing = found.getString("failingRecordId");
        assertEquals("COMMITMENT|GENERAL|违反信用承诺|" + MARKET_NAME + "|" + MARKET + "|PUBLISHED|" + LocalDate.now(ZoneId.of("Asia/Shanghai"))
                .plusYears(1), Jdbc.text(dataSource, """
                SELECT category || '|' || severity || '|' || title || '|' || source_department || '|' || source_department_uscc || '|' || status
                       || '|' || published_until FROM credit_record WHERE id = ?""", Long.parseLong(failing)));
        as(subject.key()).queryParam("category", "commitment").when().get("/api/v1/subjects/{uscc}/records", subject.uscc()).then()
                .statusCode(200).body("items.id", equalTo(List.of(failing))).body("items[0].severity", equalTo("general"))
                .body("items[0].content", containsString(reason)).body("items[0].content", containsString("食品经营许可证"));
        as(subject.key()).queryParam("category", "voluntary").when().get("/api/v1/subjects/{uscc}/records", subject.uscc()).then()
                .statusCode(200).body("items", equalTo(List.of()));
        assertEquals("created", feed.item(start, "record", failing).get("op"));
        assertEquals("unpublished", feed.item(start, "record", recordId).get("op"));
        assertEquals(before + BROKEN_COMMITMENT_POINTS, score(subject), "the verified item no longer counts; the broken commitment does");

        given().header("Authorization", AccessFixtures.bearer(subject.key())).when().get("/api/v1/subjects/{uscc}/timeline", subject.uscc())
                .then().statusCode(200).body("items.transition", equalTo(List.of("found-false", "verified", "submitted")))
                .body("items[0].reason", equalTo(reason)).body("items[0].workflow", equalTo("registration"));
        as(marketKey).body(Map.of("reason", reason, "version", 2)).when().post(REGISTRATIONS + "/{id}/falsity", id).then().statusCode(409);
        as(subject.key()).body(Map.of("version", 2)).when().post(REGISTRATIONS + "/{id}/withdrawal", id).then().statusCode(409);
    }

    @Test
    void shouldShowOverdueItemsInTheDepartmentsQueueAndItemsToTheirPartiesOnly() {
        Subject subject = newSubject();
        Subject other = newSubject();
        String id = submit(subject.key(), qualification(subject.uscc())).getString("id");
        String onTime = submit(subject.key(), qualification(subject.uscc())).getString("id");
        Jdbc.execute(dataSource, "UPDATE registration SET due_on = current_date - 3 WHERE id = ?", Long.parseLong(id));
        as(marketKey).queryParam("overdue", "true").queryParam("limit", "100").when().get(REGISTRATIONS).then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.id", not(hasItem(onTime)))
                .body("items.find { it.id == '" + id + "' }.overdue", equalTo(true));
        as(marketKey).queryParam("state", "submitted").queryParam("subject", subject.uscc()).when().get(REGISTRATIONS).then().statusCode(200)
                .body("items.id", equalTo(List.of(onTime, id)));
        as(taxKey).queryParam("overdue", "true").when().get(REGISTRATIONS).then().statusCode(200).body("items.id", not(hasItem(id)));
        as(subject.key()).when().get(REGISTRATIONS).then().statusCode(200).body("items.id", equalTo(List.of(onTime, id)));
        as(other.key()).queryParam("subject", subject.uscc()).when().get(REGISTRATIONS).then().statusCode(200).body("items", equalTo(List.of()));
        as(AccessFixtures.OPERATOR_KEY).queryParam("subject", subject.uscc()).queryParam("category", "qualification").when().get(REGISTRATIONS)
                .then().statusCode(200).body("items.id", equalTo(List.of(onTime, id)));

        as(subject.key()).when().get(REGISTRATIONS + "/{id}", id).then().statusCode(200).body("events[0].transition", equalTo("submitted"));
        as(other.key()).when().get(REGISTRATIONS + "/{id}", id).then().statusCode(403);
        as(taxKey).when().get(REGISTRATIONS + "/{id}", id).then().statusCode(403);
        as(access.key(ConsumerType.BANK)).when().get(REGISTRATIONS + "/{id}", id).then().statusCode(403);
        as(marketKey).queryParam("state", "nonsense").when().get(REGISTRATIONS).then().statusCode(400);
        as(marketKey).when().get(REGISTRATIONS + "/{id}", "abc").then().statusCode(400);
    }

    private static String feedCursor(Map<String, Object> item) {
        return (String) item.get("position");
    }
}
