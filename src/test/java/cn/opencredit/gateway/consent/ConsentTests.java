package cn.opencredit.gateway.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.testing.Jdbc;

/** Consents: who grants what to whom, and every read check's answer as the consent changes. */
@QuarkusTest
class ConsentTests {

    private static final AtomicInteger SUBJECTS = new AtomicInteger();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final AgroalDataSource dataSource;
    private final SubjectFixtures subjects;
    private final ConsentService consents;
    private static String bankId;
    private static String bankKey;
    private static String otherBankId;
    private static String otherBankKey;
    private static String appId;

    ConsentTests(AgroalDataSource dataSource, SubjectFixtures subjects, ConsentService consents) {
        this.dataSource = dataSource;
        this.subjects = subjects;
        this.consents = consents;
    }

    @BeforeEach
    void ready() {
        subjects.ensureLoaded();
        if (bankId == null) {
            bankId = AccessFixtures.createConsumer("授权测试银行", ConsumerType.BANK, null, null, "standard");
            bankKey = AccessFixtures.issueKey(bankId);
            otherBankId = AccessFixtures.createConsumer("授权测试另一银行", ConsumerType.BANK, null, null, "standard");
            otherBankKey = AccessFixtures.issueKey(otherBankId);
            appId = AccessFixtures.createConsumer("授权测试应用", ConsumerType.APP, null, null, "standard");
        }
    }

    private record Enterprise(String uscc, long id, String key) {
    }

    private Enterprise enterprise() {
        String uscc = SubjectFixtures.uscc("91", "MA0Q%04d".formatted(SUBJECTS.incrementAndGet()));
        subjects.register(uscc, "石河子授权测试（" + uscc.substring(10, 16) + "）有限公司");
        String key = AccessFixtures.issueKey(AccessFixtures.createConsumer("企业 " + uscc, ConsumerType.SUBJECT, uscc, null, "standard"));
        return new Enterprise(uscc, Jdbc.scalar(dataSource, "SELECT id FROM subject WHERE uscc = ?", uscc), key);
    }

    private static RequestSpecification as(String key) {
        return given().header("Authorization", AccessFixtures.bearer(key)).contentType(ContentType.JSON);
    }

    private static Map<String, Object> loan(String uscc, String grantee, List<String> categories) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectUscc", uscc);
        body.put("granteeId", grantee);
        body.put("purpose", "loan-application");
        body.put("categories", categories);
        body.put("validUntil", TODAY.plusMonths(6).toString());
        body.put("reference", "HXB-2026-" + uscc.substring(12));
        return body;
    }

    private JsonPath grant(Enterprise e, Map<String, Object> body) {
        return as(e.key()).body(body).when().post("/api/v1/consents").then().statusCode(201).extract().jsonPath();
    }

    private ProblemType refusal(Enterprise e, UUID grantee, ConsentCategory category) {
        ProblemException refused = assertThrows(ProblemException.class, () -> consents.require(e.id(), grantee,
                Set.of(ConsentPurpose.LOAN_APPLICATION), category).await().atMost(Duration.ofSeconds(10)));
        return refused.type();
    }

    @Test
    void shouldCoverWhatWasGrantedAndRefuseEachOtherCaseWithItsOwnType() {
        Enterprise e = enterprise();
        assertEquals(ProblemType.CONSENT_REQUIRED, refusal(e, UUID.fromString(bankId), ConsentCategory.PROFILE));
        JsonPath granted = grant(e, loan(e.uscc(), bankId, List.of("profile", "evaluation")));
        assertEquals("active", granted.getString("state"));
        assertEquals(List.of("granted"), granted.getList("events.transition"));
        ConsentService.Grant grant = consents.require(e.id(), UUID.fromString(bankId), Set.of(ConsentPurpose.LOAN_APPLICATION),
                ConsentCategory.EVALUATION).await().atMost(Duration.ofSeconds(10));
        assertEquals(Long.parseLong(granted.getString("id")), grant.consentId());
        assertEquals(ProblemType.CATEGORY_NOT_CONSENTED, refusal(e, UUID.fromString(bankId), ConsentCategory.TAX));
        assertEquals(ProblemType.CONSENT_REQUIRED, refusal(e, UUID.fromString(otherBankId), ConsentCategory.PROFILE));

        as(e.key()).body(Map.of("version", 0, "reason", "贷款申请已撤回")).when().post("/api/v1/consents/{id}/revocation", granted.getString("id"))
                .then().statusCode(200).body("state", equalTo("revoked"));
        assertEquals(ProblemType.CONSENT_REVOKED, refusal(e, UUID.fromString(bankId), ConsentCategory.PROFILE), "at once, from the database");

        JsonPath second = grant(e, loan(e.uscc(), bankId, List.of("profile")));
        Jdbc.execute(dataSource, "UPDATE consent SET valid_from = now() - interval '2 days', valid_until = now() - interval '1 second' WHERE id = ?",
                Long.parseLong(second.getString("id")));
        assertEquals(ProblemType.CONSENT_EXPIRED, refusal(e, UUID.fromString(bankId), ConsentCategory.PROFILE));
    }

    @Test
    void shouldReplayTheSameRequestForTheSameKey() {
        Enterprise e = enterprise();
        Map<String, Object> body = loan(e.uscc(), bankId, List.of("profile"));
        String id = as(e.key()).header("Idempotency-Key", "c-" + e.uscc()).body(body).when().post("/api/v1/consents").then().statusCode(201)
                .extract().path("id");
        as(e.key()).header("Idempotency-Key", "c-" + e.uscc()).body(body).when().post("/api/v1/consents").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        as(e.key()).header("Idempotency-Key", "c-" + e.uscc()).body(loan(e.uscc(), bankId, List.of("lists"))).when().post("/api/v1/consents")
                .then().statusCode(409);
        assertEquals(1, Jdbc.scalar(dataSource, "SELECT count(*) FROM consent WHERE subject_id = ?", e.id()));
    }

    @Test
    void shouldRefuseEveryBadGrantAndStoreNothing() {
        Enterprise e = enterprise();
        Enterprise other = enterprise();
        as(other.key()).body(loan(e.uscc(), bankId, List.of("profile"))).when().post("/api/v1/consents").then().statusCode(403)
                .body("detail", containsString("for itself only"));
        as(e.key()).body(loan(e.uscc(), appId, List.of("profile"))).when().post("/api/v1/consents").then().statusCode(400)
                .body("errors[0].code", equalTo("grantee-type"));
        as(e.key()).body(loan(e.uscc(), UUID.randomUUID().toString(), List.of("profile"))).when().post("/api/v1/consents").then().statusCode(400)
                .body("errors[0].code", equalTo("unknown-grantee"));
        Map<String, Object> tooLong = loan(e.uscc(), bankId, List.of("profile"));
        tooLong.put("validUntil", TODAY.plusYears(1).plusDays(2).toString());
        as(e.key()).body(tooLong).when().post("/api/v1/consents").then().statusCode(400).body("errors[0].code", equalTo("too-long"));
        // The largest date JSON can name (no instant at all once a day is added): refused as too long, not a 500.
        tooLong.put("validUntil", "+999999999-12-31");
        as(e.key()).body(tooLong).when().post("/api/v1/consents").then().statusCode(400).body("errors[0].code", equalTo("too-long"));
        Map<String, Object> past = loan(e.uscc(), bankId, List.of("profile"));
        past.put("validUntil", TODAY.minusDays(1).toString());
        as(e.key()).body(past).when().post("/api/v1/consents").then().statusCode(400).body("errors[0].code", equalTo("in-the-past"));
        as(e.key()).body(loan(e.uscc(), bankId, List.of("everything"))).when().post("/api/v1/consents").then().statusCode(400);
        as(bankKey).body(loan(e.uscc(), bankId, List.of("profile"))).when().post("/api/v1/consents").then().statusCode(403);
        assertEquals(0, Jdbc.scalar(dataSource, "SELECT count(*) FROM consent WHERE subject_id = ?", e.id()));

        Map<String, Object> incentive = loan(e.uscc(), appId, List.of("profile"));
        incentive.put("purpose", "incentive");
        grant(e, incentive);
    }

    @Test
    void shouldLetAnOperatorRecordASignedConsentByItsDocumentNumberOnly() {
        Enterprise e = enterprise();
        String operatorKey = AccessFixtures.OPERATOR_KEY;
        Map<String, Object> unsigned = loan(e.uscc(), bankId, List.of("profile"));
        unsigned.remove("reference");
        as(operatorKey).body(unsigned).when().post("/api/v1/consents").then().statusCode(400)
                .body("errors[0].field", equalTo("reference")).body("errors[0].code", equalTo("required"));
        assertEquals(0, Jdbc.scalar(dataSource, "SELECT count(*) FROM consent WHERE subject_id = ?", e.id()));
        String id = as(operatorKey).body(loan(e.uscc(), bankId, List.of("profile"))).when().post("/api/v1/consents").then().statusCode(201)
                .extract().path("id");
        as(e.key()).when().get("/api/v1/consents/{id}", id).then().statusCode(200).body("events[0].actor", equalTo("operator"));
    }

    @Test
    void shouldShowConsentsToTheirPartiesOnlyAndLetOnlyTheGrantorRevoke() {
        Enterprise e = enterprise();
        String id = grant(e, loan(e.uscc(), bankId, List.of("profile"))).getString("id");
        as(e.key()).when().get("/api/v1/consents").then().statusCode(200).body("items.id", hasItem(id));
        as(bankKey).when().get("/api/v1/consents").then().statusCode(200).body("items.id", hasItem(id));
        as(otherBankKey).when().get("/api/v1/consents").then().statusCode(200).body("items.id", not(hasItem(id)));
        as(otherBankKey).when().get("/api/v1/consents/{id}", id).then().statusCode(404);
        as(bankKey).body(Map.of("version", 0)).when().post("/api/v1/consents/{id}/revocation", id).then().statusCode(403);
        as(enterprise().key()).body(Map.of("version", 0)).when().post("/api/v1/consents/{id}/revocation", id).then().statusCode(404)
                .body("detail", equalTo("No consent with id " + id));
        as(e.key()).body(Map.of("version", 3)).when().post("/api/v1/consents/{id}/revocation", id).then().statusCode(409);
        as(e.key()).body(Map.of("version", 0)).when().post("/api/v1/consents/{id}/revocation", id).then().statusCode(200);
        as(e.key()).body(Map.of("version", 1)).when().post("/api/v1/consents/{id}/revocation", id).then().statusCode(409)
                .body("detail", containsString("revoked already"));
    }

    @Test
    void shouldKeepEachExpiryOnceWhateverRunsTheJob() throws Exception {
        Enterprise e = enterprise();
        long id = Long.parseLong(grant(e, loan(e.uscc(), bankId, List.of("profile"))).getString("id"));
        Jdbc.execute(dataSource, "UPDATE consent SET valid_from = now() - interval '2 days', valid_until = now() - interval '1 second' WHERE id = ?", id);
        // Two runs at once (as two replicas would), then one more: the expiry is kept once.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Void>> runs = pool.invokeAll(List.of(this::runExpiryJob, this::runExpiryJob));
            for (java.util.concurrent.Future<Void> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        runExpiryJob();
        assertEquals(1, Jdbc.scalar(dataSource, "SELECT count(*) FROM workflow_event WHERE workflow = 'CONSENT' AND case_id = ? AND transition = 'expired'", id));
        as(e.key()).when().get("/api/v1/consents/{id}", id).then().statusCode(200).body("state", equalTo("expired"))
                .body("events.transition", equalTo(List.of("granted", "expired")));
    }

    private Void runExpiryJob() throws Exception {
        try {
            return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(consents::recordExpiries);
        } catch (Throwable e) {
            throw new Exception(e);
        }
    }
}
