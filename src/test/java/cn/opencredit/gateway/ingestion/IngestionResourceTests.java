package cn.opencredit.gateway.ingestion;

import static cn.opencredit.gateway.ingestion.IngestionFixtures.PATH;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.PROBLEM;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.TRANSPORT;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.asOperator;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.batch;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.newEnterpriseUscc;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.newRecordId;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.penalty;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.evaluation.EvaluationFixtures;
import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.testing.HeldLock;

@QuarkusTest
class IngestionResourceTests {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final IngestionFixtures fixtures;
    private final SubjectFixtures subjects;
    private final AccessFixtures access;
    private final RedisDataSource redis;
    private final AgroalDataSource dataSource;
    private final EvaluationFixtures evaluations;

    IngestionResourceTests(IngestionFixtures fixtures, SubjectFixtures subjects, AccessFixtures access, RedisDataSource redis,
            AgroalDataSource dataSource, EvaluationFixtures evaluations) {
        this.evaluations = evaluations;
        this.fixtures = fixtures;
        this.subjects = subjects;
        this.access = access;
        this.redis = redis;
        this.dataSource = dataSource;
    }

    @BeforeEach
    void loadSubjects() {
        subjects.ensureLoaded();
    }

    private ExtractableResponse<Response> send(String body) {
        return fixtures.asDepartment(TRANSPORT).contentType(ContentType.JSON).body(body)
                .when().post(PATH).then().statusCode(200).contentType(ContentType.JSON).extract();
    }

    @Test
    void shouldReportCreatedUpdatedUnchangedAndRefusedRowsWithExactCounts() {
        String kept = newRecordId("mix-kept");
        String changed = newRecordId("mix-changed");
        String added = newRecordId("mix-added");
        String bad = newRecordId("mix-bad");
        String uscc = newEnterpriseUscc();
        send(batch(penalty(kept, uscc, "石河子归集混合测试有限公司"), penalty(changed, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME)))
                .response().then().body("created", equalTo(2)).body("received", equalTo(2));

        send(batch(penalty(kept, uscc, "石河子归集混合测试有限公司"),
                with(penalty(changed, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME), "amount", "6000"),
                penalty(added, uscc, "石河子归集混合测试有限公司"),
                with(penalty(bad, uscc, "石河子归集混合测试有限公司"), "severity", null)))
                .response().then()
                .body("received", equalTo(4)).body("created", equalTo(1)).body("updated", equalTo(1))
                .body("unchanged", equalTo(1)).body("refused", equalTo(1))
                .body("rows.row", equalTo(List.of(1, 2, 3, 4)))
                .body("rows.outcome", equalTo(List.of("unchanged", "updated", "created", "refused")))
                .body("rows[3].sourceRecordId", equalTo(bad))
                .body("rows[3].errors[0].field", equalTo("severity"))
                .body("rows[3].errors[0].code", equalTo("required"))
                .body("rows[0].errors", empty());

        assertEquals(0, ((Number) fixtures.record(kept).get("version")).intValue());
        Map<String, Object> updated = fixtures.record(changed);
        assertEquals(1, ((Number) updated.get("version")).intValue());
        assertEquals(0, new BigDecimal("6000.00").compareTo((BigDecimal) updated.get("amount")));
        assertNotNull(fixtures.record(added));
        assertNull(fixtures.record(bad));
        assertEquals(3, fixtures.count("SELECT count(*) FROM credit_record WHERE source_record_id IN (?, ?, ?, ?)", kept, changed, added, bad));
    }

    @Test
    void shouldCapAPublicationEndPastTheLegalPeriodAndEndUnboundedFailingsAtIt() {
        String capped = newRecordId("period-capped");
        String unbounded = newRecordId("period-unbounded");
        String uscc = newEnterpriseUscc();
        java.time.LocalDate decided = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(3);
        send(batch(with(penalty(capped, uscc, "石河子公示期测试有限公司"), "publishedUntil", decided.plusYears(3).toString()),
                with(penalty(unbounded, uscc, "石河子公示期测试有限公司"), "severity", "serious")))
                .response().then().body("created", equalTo(2))
                .body("rows[0].flags.code", hasItem("publication-capped"))
                .body("rows[0].flags.find { it.code == 'publication-capped' }.message", containsString(decided.plusYears(1).toString()))
                .body("rows[1].flags.code", not(hasItem("publication-capped")));
        assertEquals(decided.plusYears(1).toString(), fixtures.record(capped).get("published_until").toString(), "a general failing: at most a year");
        assertEquals(decided.plusYears(3).toString(), fixtures.record(unbounded).get("published_until").toString(),
                "a serious one without an end: three years");
    }

    @Test
    void shouldShowIngestedAndCorrectedRecordsInTheCachedProfileAtOnce() {
        String uscc = IngestionFixtures.KNOWN_FRUIT;
        evaluations.awaitQuiet();
        given().when().get("/api/v1/subjects/{uscc}", uscc).then().statusCode(200);
        given().when().get("/api/v1/subjects/{uscc}", uscc).then().statusCode(200).header("X-Cache", "HIT");
        String id = newRecordId("cached");
        Map<String, Object> row = with(penalty(id, uscc, IngestionFixtures.KNOWN_FRUIT_NAME), "title", "缓存失效测试处罚决定书");

        send(batch(row)).response().then().body("created", equalTo(1));

        given().when().get("/api/v1/subjects/{uscc}", uscc).then().statusCode(200).header("X-Cache", "MISS")
                .body("latestRecords.title", hasItem("缓存失效测试处罚决定书"));
        cachedOnceTheGradeIsStored(uscc);

        send(batch(with(row, "title", "缓存失效测试处罚决定书（更正）"))).response().then().body("updated", equalTo(1));

        given().when().get("/api/v1/subjects/{uscc}", uscc).then().statusCode(200).header("X-Cache", "MISS")
                .body("latestRecords.title", hasItem("缓存失效测试处罚决定书（更正）"))
                .body("latestRecords.title", not(hasItem("缓存失效测试处罚决定书")));
    }

    /**
     * A new penalty also moves the subject's grade, which the profile shows and the worker stores a
     * moment later, invalidating the profile again: once it has, the profile is cached until the next write.
     */
    private void cachedOnceTheGradeIsStored(String uscc) {
        evaluations.awaitQuiet();
        given().when().get("/api/v1/subjects/{uscc}", uscc).then().statusCode(200);
        given().when().get("/api/v1/subjects/{uscc}", uscc).then().statusCode(200).header("X-Cache", "HIT");
    }

    @Test
    void shouldUpdateInsteadOfDuplicatingAndCountVersions() {
        String id = newRecordId("resend");
        Map<String, Object> row = penalty(id, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME);
        send(batch(row)).response().then().body("rows[0].outcome", equalTo("created"));
        send(batch(with(row, "content", "第二次更正"))).response().then().body("rows[0].outcome", equalTo("updated"));
        send(batch(with(row, "content", "第三次更正"))).response().then().body("rows[0].outcome", equalTo("updated"));
        send(batch(with(row, "content", "第三次更正"))).response().then().body("rows[0].outcome", equalTo("unchanged"));
        assertEquals(1, fixtures.count("SELECT count(*) FROM credit_record WHERE source_department_uscc = ? AND source_record_id = ?",
                TRANSPORT, id));
        Map<String, Object> stored = fixtures.record(id);
        assertEquals(2, ((Number) stored.get("version")).intValue());
        assertEquals("第三次更正", stored.get("content"));
        assertEquals(Date.valueOf(TODAY), stored.get("reported_on"), "a record keeps the date it first arrived");
    }

    @Test
    void shouldRefuseTheLaterRowWhenABatchNamesARecordTwice() {
        String id = newRecordId("twice");
        Map<String, Object> row = penalty(id, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME);
        send(batch(row, with(row, "content", "另一版本"))).response().then()
                .body("rows.outcome", equalTo(List.of("created", "refused")))
                .body("rows[1].errors[0].code", equalTo("duplicate-in-batch"));
        assertEquals("超限运输，责令改正并处罚款", fixtures.record(id).get("content"));
    }

    static Stream<Arguments> badRows() {
        String future = TODAY.plusDays(1).toString();
        return Stream.of(
                Arguments.of("sourceRecordId", null, "sourceRecordId", "required"),
                Arguments.of("subjectName", "  ", "subjectName", "required"),
                Arguments.of("title", null, "title", "required"),
                Arguments.of("content", null, "content", "required"),
                Arguments.of("decisionDate", null, "decisionDate", "required"),
                Arguments.of("decisionDate", "30/09/2026", "decisionDate", "format"),
                Arguments.of("decisionDate", future, "decisionDate", "in-the-future"),
                Arguments.of("reportedOn", future, "reportedOn", "in-the-future"),
                Arguments.of("reportedOn", TODAY.minusDays(10).toString(), "decisionDate", "after-report-date"),
                Arguments.of("category", "punishment", "category", "unknown-value"),
                Arguments.of("severity", null, "severity", "required"),
                Arguments.of("severity", "catastrophic", "severity", "unknown-value"),
                Arguments.of("amount", "-1", "amount", "negative"),
                Arguments.of("amount", "12.345", "amount", "too-many-decimals"),
                Arguments.of("amount", "5千", "amount", "format"),
                Arguments.of("currency", "yuan", "currency", "format"),
                Arguments.of("disclosureLevel", "secret", "disclosureLevel", "unknown-value"),
                Arguments.of("publishedUntil", TODAY.minusYears(1).toString(), "publishedUntil", "before-decision"),
                Arguments.of("subjectCategory", "公司", "subjectCategory", "unknown-value"),
                Arguments.of("subjectUscc", null, "subjectUscc", "required"),
                Arguments.of("subjectUscc", "91659001GJ0000014A", "subjectUscc", "check-character"),
                Arguments.of("subjectUscc", "9165900", "subjectUscc", "length"),
                Arguments.of("issuingAuthorityUscc", "11659001MB0000010Q", "issuingAuthorityUscc", "organisation-code-check"),
                Arguments.of("sourceDepartmentUscc", "11659001GJD000010", "sourceDepartmentUscc", "length"),
                Arguments.of("sourceDepartment", null, "sourceDepartment", "required"),
                Arguments.of("title", "x".repeat(501), "title", "too-long"),
                Arguments.of("subjectName", "石河子\u0000公司", "subjectName", "control-character"));
    }

    @ParameterizedTest(name = "{0}={1} -> {2} {3}")
    @MethodSource("badRows")
    void shouldRefuseABadRowWithItsReasonAndStillTakeTheGoodOne(String field, String value, String errorField, String code) {
        String good = newRecordId("good");
        String bad = newRecordId("bad");
        send(batch(penalty(good, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME),
                with(penalty(bad, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME), field, value, "sourceRecordId",
                        "sourceRecordId".equals(field) ? value : bad)))
                .response().then()
                .body("created", equalTo(1)).body("refused", equalTo(1))
                .body("rows[0].outcome", equalTo("created"))
                .body("rows[1].outcome", equalTo("refused"))
                .body("rows[1].errors.field", hasItem(errorField))
                .body("rows[1].errors.code", hasItem(code));
        assertNotNull(fixtures.record(good));
        assertNull(fixtures.record(bad));
    }

    @Test
    void shouldNameEveryViolatedPartOfEveryCodeOfARow() {
        String id = newRecordId("codes");
        send(batch(with(penalty(id, "91659001GJ0000012X", "x"), "issuingAuthority", "石河子市交通运输局",
                "issuingAuthorityUscc", "11659001MB0000010Q"))).response().then()
                .body("rows[0].errors.field", hasItem("subjectUscc"))
                .body("rows[0].errors.field", hasItem("issuingAuthorityUscc"))
                .body("rows[0].errors.find { it.field == 'issuingAuthorityUscc' }.expected", not(nullValue()));
    }

    @Test
    void shouldCreateAnUnknownSubjectFromTheRow() {
        String uscc = newEnterpriseUscc();
        String individual = IngestionFixtures.newUscc("92");
        send(batch(with(penalty(newRecordId("new-subject"), uscc, "石河子归集新设科技有限公司"), "legalRepresentative", "赵敏"),
                with(penalty(newRecordId("new-individual"), individual, "石河子归集小吃部"), "subjectCategory", "个体工商户")))
                .response().then().body("created", equalTo(2));
        Map<String, Object> subject = fixtures.row("SELECT name, subject_type, region_code, legal_representative, status FROM subject WHERE uscc = ?",
                uscc);
        assertEquals("石河子归集新设科技有限公司", subject.get("name"));
        assertEquals("ENTERPRISE", subject.get("subject_type"));
        assertEquals("659001", subject.get("region_code"));
        assertEquals("赵敏", subject.get("legal_representative"));
        assertEquals("ACTIVE", subject.get("status"));
        assertEquals("INDIVIDUAL_BUSINESS", fixtures.row("SELECT subject_type FROM subject WHERE uscc = ?", individual).get("subject_type"));
    }

    @Test
    void shouldKeepIdentityNumbersOnlyAsKeyedHashes() throws Exception {
        String person = "65900119900101" + String.format("%04d", (int) (System.nanoTime() % 10_000));
        String representative = "11010519491231002X";
        String id = newRecordId("person");
        Map<String, Object> row = with(penalty(id, null, "张三"), "subjectCategory", "自然人", "subjectIdType", "身份证",
                "subjectIdNumber", person, "legalRepresentative", null);
        String company = newRecordId("company");
        String answer = send(batch(row, with(penalty(company, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME), "legalRepresentativeIdType", "身份证",
                "legalRepresentativeIdNumber", representative))).asString();
        org.hamcrest.MatcherAssert.assertThat(answer, not(containsString(person)));
        org.hamcrest.MatcherAssert.assertThat(answer, not(containsString(representative)));
        org.hamcrest.MatcherAssert.assertThat(answer, containsString("\"created\":2"));

        Map<String, Object> stored = fixtures.record(id);
        assertNull(stored.get("subject_uscc"));
        Map<String, Object> subject = fixtures.row("SELECT s.* FROM subject s JOIN credit_record r ON r.subject_id = s.id "
                + "WHERE r.source_record_id = ?", id);
        assertEquals("NATURAL_PERSON", subject.get("subject_type"));
        assertEquals("659001", subject.get("region_code"), "the region of a resident identity number");
        assertArrayEquals(hmac(person), (byte[]) subject.get("identity_hash"));
        assertArrayEquals(hmac(representative), (byte[]) fixtures.record(company).get("legal_representative_id_hash"));
        assertEquals(0, fixtures.count("""
                SELECT count(*) FROM credit_record r JOIN subject s ON s.id = r.subject_id
                WHERE r.source_record_id IN (?, ?) AND (r::text LIKE '%' || ? || '%' OR r::text LIKE '%' || ? || '%'
                                                      OR s::text LIKE '%' || ? || '%' OR s::text LIKE '%' || ? || '%')""",
                id, company, person, representative, person, representative));
        assertEquals(0, fixtures.count("SELECT count(*) FROM ingestion_idempotency WHERE response_body LIKE '%' || ? || '%'", person));

        send(batch(with(row, "sourceRecordId", newRecordId("person-again")))).response().then().body("created", equalTo(1));
        assertEquals(1, fixtures.count("SELECT count(*) FROM subject WHERE identity_hash = ?", (Object) hmac(person)),
                "the same person is found again by the hash");
    }

    private static byte[] hmac(String number) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-identity-hash-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(number.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseANaturalPersonWithoutIdentityNumberOrWithAUscc() {
        send(batch(with(penalty(newRecordId("nobody"), null, "李四"), "subjectCategory", "natural-person"),
                with(penalty(newRecordId("person-uscc"), IngestionFixtures.KNOWN, "李四"), "subjectCategory", "自然人", "subjectIdNumber",
                        "659001199001011234")))
                .response().then().body("refused", equalTo(2))
                .body("rows[0].errors[0].field", equalTo("subjectIdNumber"))
                .body("rows[1].errors[0].code", equalTo("not-allowed"));
    }

    @Test
    void shouldReplayTheFirstAnswerToARetryWithTheSameKey() {
        String key = "batch-" + UUID.randomUUID();
        String body = batch(penalty(newRecordId("idem"), IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME));
        String first = fixtures.asDepartment(TRANSPORT).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post(PATH).then().statusCode(200).header("Idempotent-Replayed", nullValue()).extract().asString();
        long batches = fixtures.count("SELECT count(*) FROM ingestion_batch");
        String spaced = body.replace(",", ", ");
        String replayed = fixtures.asDepartment(TRANSPORT).contentType(ContentType.JSON).header("Idempotency-Key", key).body(spaced)
                .when().post(PATH).then().statusCode(200).header("Idempotent-Replayed", "true").contentType(ContentType.JSON)
                .extract().asString();
        assertEquals(first, replayed);
        assertEquals(batches, fixtures.count("SELECT count(*) FROM ingestion_batch"));

        fixtures.asDepartment(TRANSPORT).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(batch(penalty(newRecordId("idem-other"), IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME)))
                .when().post(PATH).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(batches, fixtures.count("SELECT count(*) FROM ingestion_batch"));

        asOperator().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post(PATH).then().statusCode(200).header("Idempotent-Replayed", nullValue())
                .body("rows[0].outcome", equalTo("unchanged"));
    }

    /**
     * A retry sent while the first attempt is still being written: the first is held after it has
     * claimed the key and written its row (the batch table is locked), the retry waits for that
     * claim; once both wait, they go on. The retry gets the first answer replayed, and the batch and
     * its record are stored once.
     */
    @Test
    void shouldReplayTheFirstAnswerToARetrySentWhileTheFirstIsStillBeingWritten() throws Exception {
        String key = "in-flight-" + UUID.randomUUID();
        String recordId = newRecordId("in-flight");
        String body = batch(penalty(recordId, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME));
        long batches = fixtures.count("SELECT count(*) FROM ingestion_batch");

        List<Response> answers = whileTheFirstIsBeingWritten(key, body, body);

        Response first = answers.get(0);
        Response retry = answers.get(1);
        first.then().statusCode(200).header("Idempotent-Replayed", nullValue()).body("created", equalTo(1));
        retry.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertEquals(first.asString(), retry.asString());
        assertEquals(batches + 1, fixtures.count("SELECT count(*) FROM ingestion_batch"));
        assertEquals(1, fixtures.count("SELECT count(*) FROM credit_record WHERE source_record_id = ?", recordId));
        assertEquals(0, ((Number) fixtures.record(recordId).get("version")).intValue());
        assertEquals(List.of("INSERT"), fixtures.rows("""
                SELECT h.operation FROM history_entry h JOIN credit_record r ON r.id = h.row_id
                WHERE h.table_name = 'credit_record' AND r.source_record_id = ? ORDER BY h.sequence""", recordId)
                .stream().map(row -> row.get("operation")).toList());
        assertEquals(200, ((Number) fixtures.row("SELECT response_status FROM ingestion_idempotency WHERE idempotency_key = ?", key)
                .get("response_status")).intValue());
    }

    /** Another batch under the key of one still being written: refused as a reused key once the first is in, and not stored. */
    @Test
    void shouldRefuseAnotherBatchSentUnderTheKeyOfOneStillBeingWritten() throws Exception {
        String key = "in-flight-other-" + UUID.randomUUID();
        String firstRecord = newRecordId("in-flight-first");
        String otherRecord = newRecordId("in-flight-other");
        long batches = fixtures.count("SELECT count(*) FROM ingestion_batch");

        List<Response> answers = whileTheFirstIsBeingWritten(key, batch(penalty(firstRecord, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME)),
                batch(penalty(otherRecord, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME)));

        answers.get(0).then().statusCode(200).header("Idempotent-Replayed", nullValue()).body("created", equalTo(1));
        answers.get(1).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(batches + 1, fixtures.count("SELECT count(*) FROM ingestion_batch"));
        assertNotNull(fixtures.record(firstRecord));
        assertNull(fixtures.record(otherRecord));
    }

    @Test
    void shouldRefuseMalformedIdempotencyKeys() {
        String body = batch(penalty(newRecordId("key"), IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME));
        for (String key : List.of("k".repeat(201), "clé-1")) {
            fixtures.asDepartment(TRANSPORT).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                    .when().post(PATH).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("Idempotency-Key"));
        }
    }

    @Test
    void shouldAskForAKeyAndTheIngestScope() {
        String body = batch(penalty(newRecordId("auth"), IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME));
        given().contentType(ContentType.JSON).body(body).when().post(PATH)
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP))).contentType(ContentType.JSON).body(body)
                .when().post(PATH).then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void shouldLetOnlyBoundDepartmentsAndOperatorsIngest() {
        String body = batch(penalty(newRecordId("who"), IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME));
        String bank = AccessFixtures.issueKey(AccessFixtures.createConsumer("bank with ingest scope", ConsumerType.BANK, null,
                List.of("public:read", "ingest:write"), "standard"));
        given().header("Authorization", AccessFixtures.bearer(bank)).contentType(ContentType.JSON).body(body)
                .when().post(PATH).then().statusCode(403).contentType(PROBLEM).body("detail", containsString("department"));
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.DEPARTMENT))).contentType(ContentType.JSON).body(body)
                .when().post(PATH).then().statusCode(403).contentType(PROBLEM).body("detail", containsString("scope"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM credit_record WHERE source_record_id LIKE 'who-%'"));
    }

    @Test
    void shouldRefuseRowsOfAnotherDepartmentButLetOperatorsSendThem() {
        String own = newRecordId("own");
        String foreign = newRecordId("foreign");
        Map<String, Object> health = with(penalty(foreign, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME),
                "sourceDepartment", IngestionFixtures.HEALTH_NAME, "sourceDepartmentUscc", IngestionFixtures.HEALTH);
        send(batch(penalty(own, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME), health)).response().then()
                .body("rows.outcome", equalTo(List.of("created", "refused")))
                .body("rows[1].errors[0].field", equalTo("sourceDepartmentUscc"))
                .body("rows[1].errors[0].code", equalTo("not-your-department"))
                .body("rows[1].errors[0].expected", equalTo(TRANSPORT));
        assertNull(fixtures.record(IngestionFixtures.HEALTH, foreign));
        asOperator().contentType(ContentType.JSON).body(batch(health)).when().post(PATH)
                .then().statusCode(200).body("created", equalTo(1));
        assertNotNull(fixtures.record(IngestionFixtures.HEALTH, foreign));
    }

    @Test
    void shouldRefuseABatchOverTheRowLimitAsAWhole() {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> row = penalty("x", IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME);
        for (int i = 0; i < 5_001; i++) {
            rows.add(with(row, "sourceRecordId", "oversized-" + i));
        }
        fixtures.asDepartment(TRANSPORT).contentType(ContentType.JSON).body(batch(rows)).when().post(PATH)
                .then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/payload-too-large"))
                .body("errors[0].code", equalTo("too-many-rows"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM credit_record WHERE source_record_id LIKE 'oversized-%'"));
    }

    @Test
    void shouldAnswerAProblemWhenTheBodyIsOverTheBatchSizeLimit() {
        byte[] large = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) ' ');
        fixtures.asDepartment(TRANSPORT).contentType(ContentType.JSON).body(large).when().post(PATH)
                .then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/payload-too-large"))
                .body("errors[0].code", equalTo("too-large"));
    }

    /** Past quarkus.http.limits.max-body-size the HTTP layer refuses on the announced length, before any body is sent. */
    @Test
    void shouldRefuseABodyOverTheHttpLimitBeforeReadingIt() throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(5_000);
            String request = "POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + AccessFixtures.bearer(fixtures.departmentKey(TRANSPORT))
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (11 * 1024 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            org.hamcrest.MatcherAssert.assertThat(status, containsString(" 413 "));
        }
    }

    @Test
    void shouldRefuseMalformedAndUnknownJson() {
        fixtures.asDepartment(TRANSPORT).contentType(ContentType.JSON).body("{\"rows\": [").when().post(PATH)
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("https://api.opencredit.cn/problems/malformed-body"));
        fixtures.asDepartment(TRANSPORT).contentType(ContentType.JSON)
                .body(batch(with(penalty(newRecordId("unknown"), IngestionFixtures.KNOWN, "x"), "colour", "red")))
                .when().post(PATH).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/validation-failed"))
                .body("errors[0].field", equalTo("rows[0].colour"))
                .body("errors[0].code", equalTo("unknown-field"));
        fixtures.asDepartment(TRANSPORT).contentType(ContentType.JSON).body("{\"batch\": []}").when().post(PATH)
                .then().statusCode(400).body("errors[0].code", equalTo("unknown-field"));
        for (String body : List.of("{\"rows\": []}", "{}", "null", "[]", "{\"rows\": [null]}", "{\"rows\": [{\"title\": {\"x\": 1}}]}")) {
            fixtures.asDepartment(TRANSPORT).contentType(ContentType.JSON).body(body).when().post(PATH)
                    .then().statusCode(400).contentType(PROBLEM);
        }
        fixtures.asDepartment(TRANSPORT).contentType(ContentType.JSON).body("").when().post(PATH)
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void shouldRefuseOtherMediaTypes() {
        fixtures.asDepartment(TRANSPORT).contentType("application/xml").body("<rows/>").when().post(PATH)
                .then().statusCode(415).contentType(PROBLEM)
                .body("detail", containsString("text/csv"));
    }

    @Test
    void shouldWriteNothingWhenTheDatabaseFailsMidBatch() {
        String uscc = newEnterpriseUscc();
        String first = newRecordId("atomic-first");
        String doomed = newRecordId("atomic-doomed");
        String key = "atomic-" + UUID.randomUUID();
        fixtures.execute("""
                CREATE OR REPLACE FUNCTION ingestion_tests_fail() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.source_record_id LIKE 'atomic-doomed-%' THEN
                        RAISE EXCEPTION 'simulated failure in the middle of a batch' USING ERRCODE = 'disk_full';
                    END IF;
                    RETURN NEW;
                END $$""");
        fixtures.execute("CREATE TRIGGER ingestion_tests_fail BEFORE INSERT OR UPDATE ON credit_record FOR EACH ROW "
                + "EXECUTE FUNCTION ingestion_tests_fail()");
        long batches = fixtures.count("SELECT count(*) FROM ingestion_batch");
        try {
            fixtures.asDepartment(TRANSPORT).contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(batch(penalty(first, uscc, "石河子归集原子性测试有限公司"), penalty(doomed, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME)))
                    .when().post(PATH).then().statusCode(503).contentType(PROBLEM)
                    .body("detail", not(containsString("simulated")));
        } finally {
            fixtures.execute("DROP TRIGGER ingestion_tests_fail ON credit_record");
            fixtures.execute("DROP FUNCTION ingestion_tests_fail()");
        }
        assertNull(fixtures.record(first));
        assertEquals(0, fixtures.count("SELECT count(*) FROM subject WHERE uscc = ?", uscc));
        assertEquals(batches, fixtures.count("SELECT count(*) FROM ingestion_batch"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM ingestion_idempotency WHERE idempotency_key = ?", key));

        fixtures.asDepartment(TRANSPORT).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(batch(penalty(first, uscc, "石河子归集原子性测试有限公司"), penalty(doomed, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME)))
                .when().post(PATH).then().statusCode(200).body("created", equalTo(2));
    }

    @Test
    void shouldStoreTimelinessOfDisclosures() {
        String late = newRecordId("late");
        String onTime = newRecordId("on-time");
        String inspection = newRecordId("inspection");
        String oldYear = newRecordId("old-year");
        Map<String, Object> row = penalty("x", IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME);
        send(batch(with(row, "sourceRecordId", late, "decisionDate", "2026-09-30", "reportedOn", "2026-10-16"),
                with(row, "sourceRecordId", onTime, "category", "licence", "severity", null, "decisionDate", "2026-09-30",
                        "reportedOn", "2026-10-15"),
                with(row, "sourceRecordId", inspection, "category", "inspection", "decisionDate", "2026-09-30", "reportedOn", "2026-11-20"),
                with(row, "sourceRecordId", oldYear, "decisionDate", "2024-12-27", "reportedOn", "2025-01-09")))
                .response().then()
                .body("rows[0].timeliness.dueOn", equalTo("2026-10-15"))
                .body("rows[0].timeliness.workingDaysToReport", equalTo(8))
                .body("rows[0].timeliness.late", equalTo(true))
                .body("rows[0].flags.code", hasItem("late"))
                .body("rows[1].timeliness.late", equalTo(false))
                .body("rows[1].flags", empty())
                .body("rows[2].timeliness", nullValue())
                .body("rows[3].flags.code", hasItem("calendar-year-not-loaded"))
                .body("rows[3].timeliness.calendarCovered", equalTo(false));

        assertTimeliness(late, "2026-10-15", 8, true);
        assertTimeliness(onTime, "2026-10-15", 7, false);
        assertTimeliness(inspection, null, null, null);
        // 2024 is not in the shipped calendar: 12-30, 12-31 (plain weekdays), 2025-01-01 元旦 is known from the 2025 notice,
        // 01-02, 01-03, 01-06, 01-07, 01-08 -> due 2025-01-08; reported on 01-09, the 8th working day
        assertTimeliness(oldYear, "2025-01-08", 8, true);
    }

    private void assertTimeliness(String sourceRecordId, String dueOn, Integer workingDays, Boolean late) {
        Map<String, Object> stored = fixtures.record(sourceRecordId);
        assertEquals(dueOn == null ? null : Date.valueOf(dueOn), stored.get("due_on"));
        assertEquals(workingDays, stored.get("working_days_to_report"));
        assertEquals(late, stored.get("late"));
    }

    @Test
    void shouldStoreRevocationPenaltyTypesAndIssuingAuthority() throws java.sql.SQLException {
        String id = newRecordId("revoked");
        send(batch(with(penalty(id, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME), "revoked", true, "penaltyTypes", List.of("警告", "罚款", "警告"),
                "issuingAuthority", "石河子市交通运输综合行政执法支队", "issuingAuthorityUscc", SubjectFixtures.DEPARTMENT_USCC)))
                .response().then().body("created", equalTo(1));
        Map<String, Object> stored = fixtures.record(id);
        assertEquals("REVOKED", stored.get("status"));
        assertEquals(SubjectFixtures.DEPARTMENT_USCC, stored.get("issuing_authority_uscc"));
        assertEquals(List.of("警告", "罚款"), List.of((Object[]) ((java.sql.Array) fixtures.row(
                "SELECT penalty_types FROM credit_record WHERE source_record_id = ?", id).get("penalty_types")).getArray()));
    }

    @Test
    void shouldBumpTheCacheVersionOfEveryChangedSubject() {
        String uscc = newEnterpriseUscc();
        String versionKey = "cache:ver:{" + IngestionFixtures.KNOWN + "}";
        Long before = redis.value(Long.class).get(versionKey);
        send(batch(penalty(newRecordId("cache"), IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME),
                penalty(newRecordId("cache-new"), uscc, "石河子归集缓存测试有限公司")));
        Long after = redis.value(Long.class).get(versionKey);
        assertEquals(before == null ? 1L : before + 1, after);
        assertEquals(1L, redis.value(Long.class).get("cache:ver:{" + uscc + "}"));
    }

    /**
     * Sends {@code firstBody} under {@code key} and holds it just before it records its batch (the
     * batch table is locked), then sends {@code secondBody} under the same key; lets both go once
     * both wait, and answers both answers in that order.
     */
    private List<Response> whileTheFirstIsBeingWritten(String key, String firstBody, String secondBody) throws Exception {
        String department = AccessFixtures.bearer(fixtures.departmentKey(TRANSPORT));
        Function<String, Supplier<Response>> sending = body -> () -> given()
                .header("Authorization", department).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post(PATH);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Response> first;
            CompletableFuture<Response> second;
            try (HeldLock batchTable = HeldLock.take(dataSource, "LOCK TABLE ingestion_batch IN ACCESS EXCLUSIVE MODE")) {
                first = CompletableFuture.supplyAsync(sending.apply(firstBody), callers);
                batchTable.awaitWaiters(1, List.of(first));
                second = CompletableFuture.supplyAsync(sending.apply(secondBody), callers);
                batchTable.awaitWaiters(2, List.of(first, second));
            }
            return List.of(first.join(), second.join());
        }
    }
}
