package cn.opencredit.gateway.webhook;

import static cn.opencredit.gateway.webhook.WebhookFixtures.as;
import static cn.opencredit.gateway.webhook.WebhookFixtures.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.evaluation.EvaluationFixtures;
import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.webhook.WebhookFixtures.Bank;
import cn.opencredit.gateway.webhook.WebhookFixtures.Enterprise;
import cn.opencredit.gateway.webhook.WebhookFixtures.Received;
import cn.opencredit.gateway.webhook.WebhookFixtures.Receiver;

/**
 * A bank watching its borrowers: a new failing of a subject it holds a monitoring consent for
 * reaches its endpoint, signed per Standard Webhooks, retried, taken over from a dead replica, and
 * stopped by a revoked consent.
 */
@QuarkusTest
class BankMonitoringBorrowersTests {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final List<String> ALL_EVENTS = List.of("record.failing-published", "list.entry-added", "evaluation.grade-dropped");

    private final WebhookFixtures fixtures;
    private final EvaluationFixtures evaluations;

    BankMonitoringBorrowersTests(WebhookFixtures fixtures, EvaluationFixtures evaluations) {
        this.fixtures = fixtures;
        this.evaluations = evaluations;
    }

    @Test
    void shouldDeliverASignedEventVerifiableWithThePublishedAlgorithmWhenAWatchedSubjectIsPenalised() throws Exception {
        Bank bank = fixtures.bank();
        Enterprise e = fixtures.enterprise();
        try (Receiver receiver = fixtures.receiver()) {
            Map<String, String> endpoint = WebhookFixtures.endpoint(bank, receiver.url(), ALL_EVENTS);
            assertTrue(endpoint.get("secret").startsWith("whsec_"));
            WebhookFixtures.consent(e, bank, List.of("profile"));
            WebhookFixtures.penalise(e, "wh-signed-" + e.uscc(), null);

            await(PATIENCE, () -> receiver.received.size() == 1, "the event arrives");
            Received event = receiver.received.getFirst();
            assertTrue(event.id().matches("msg_[0-9a-f]{32}"), event.id());
            assertEquals("application/json", event.contentType());
            assertTrue(Math.abs(Long.parseLong(event.timestamp()) - System.currentTimeMillis() / 1000) < 60, "the attempt's time in seconds");
            assertEquals(WebhookFixtures.sign(endpoint.get("secret"), event.id(), event.timestamp(), event.body()), event.signature());
            JsonPath body = JsonPath.from(event.body());
            assertEquals("record.failing-published", body.getString("type"));
            assertEquals(e.uscc(), body.getString("data.subjectUscc"));
            assertEquals("penalty", body.getString("data.category"));
            assertEquals("general", body.getString("data.severity"));
            assertEquals("public", body.getString("data.disclosureLevel"));
            assertEquals("5000.00", body.getString("data.amount.amount"));

            as(bank.key()).when().get("/api/v1/webhook-endpoints/{id}", endpoint.get("id")).then().statusCode(200)
                    .body("secret", nullValue()).body("status", equalTo("enabled"));
            await(PATIENCE, () -> fixtures.scalar("SELECT count(*) FROM webhook_delivery d JOIN webhook_message m ON m.id = d.message_id "
                    + "WHERE m.id = ? AND d.state = 'DELIVERED'", event.id()) == 1, "the delivery is recorded");
            as(bank.key()).when().get("/api/v1/webhook-endpoints/{id}/deliveries", endpoint.get("id")).then().statusCode(200)
                    .body("items", hasSize(1)).body("items[0].messageId", equalTo(event.id())).body("items[0].state", equalTo("delivered"))
                    .body("items[0].attempts", equalTo(1)).body("items[0].attemptLog[0].statusCode", equalTo(200))
                    .body("items[0].nextAttemptAt", nullValue()).body("items[0].deliveredAt", notNullValue());
            assertEquals(1, receiver.received.size(), "once");
        }
    }

    @Test
    void shouldRetryAReceiverThatFailsTwiceThenSucceedsUnderTheSameId() throws Exception {
        Bank bank = fixtures.bank();
        Enterprise e = fixtures.enterprise();
        try (Receiver receiver = fixtures.receiver(500, 503)) {
            Map<String, String> endpoint = WebhookFixtures.endpoint(bank, receiver.url(), ALL_EVENTS);
            WebhookFixtures.consent(e, bank, List.of("profile"));
            WebhookFixtures.penalise(e, "wh-retried-" + e.uscc(), null);

            await(PATIENCE, () -> receiver.received.size() == 3, "two failures, then the success");
            assertEquals(1, receiver.received.stream().map(Received::id).distinct().count(), "one webhook-id for every attempt");
            await(PATIENCE, () -> "DELIVERED".equals(fixtures.text("SELECT state FROM webhook_delivery WHERE endpoint_id = ?",
                    Long.parseLong(endpoint.get("id")))), "delivered");
            as(bank.key()).when().get("/api/v1/webhook-endpoints/{id}/deliveries", endpoint.get("id")).then().statusCode(200)
                    .body("items[0].attempts", equalTo(3)).body("items[0].attemptLog.statusCode", equalTo(List.of(500, 503, 200)))
                    .body("items[0].attemptLog[0].error", equalTo("HTTP 500")).body("items[0].state", equalTo("delivered"));
            WebhookFixtures.sleep(600);
            assertEquals(3, receiver.received.size(), "nothing after the success");
        }
    }

    @Test
    void shouldMarkTheEndpointFailingAfterTheRetryWindowAndResumeWhenEnabledAgain() throws Exception {
        Bank bank = fixtures.bank();
        Enterprise e = fixtures.enterprise();
        try (Receiver receiver = fixtures.failingReceiver(503)) {
            Map<String, String> endpoint = WebhookFixtures.endpoint(bank, receiver.url(), ALL_EVENTS);
            long endpointId = Long.parseLong(endpoint.get("id"));
            WebhookFixtures.consent(e, bank, List.of("profile", "lists"));
            WebhookFixtures.penalise(e, "wh-failing-" + e.uscc(), null);

            await(PATIENCE, () -> "FAILING".equals(fixtures.text("SELECT status FROM webhook_endpoint WHERE id = ?", endpointId)),
                    "failing once the test profile's 4-second window is over");
            assertEquals("FAILED", fixtures.text("SELECT state FROM webhook_delivery WHERE endpoint_id = ?", endpointId));
            assertTrue(receiver.received.size() >= 2, "retried within the window");

            // A new event for a failing endpoint waits: nothing is attempted until the bank enables it again.
            int before = receiver.received.size();
            includeInBlackList(e);
            await(PATIENCE, () -> fixtures.scalar("SELECT count(*) FROM webhook_delivery WHERE endpoint_id = ? AND state = 'PENDING'", endpointId) == 1,
                    "the new event is queued");
            WebhookFixtures.sleep(800);
            assertEquals(before, receiver.received.size(), "not attempted while failing");
            JsonPath read = as(bank.key()).when().get("/api/v1/webhook-endpoints/{id}", endpointId).then().statusCode(200)
                    .body("status", equalTo("failing")).body("failingSince", notNullValue()).extract().jsonPath();

            as(bank.key()).body(Map.of("status", "enabled", "version", read.getInt("version"))).when()
                    .patch("/api/v1/webhook-endpoints/{id}", endpointId).then().statusCode(200).body("status", equalTo("enabled"))
                    .body("failingSince", nullValue());
            await(PATIENCE, () -> receiver.received.size() > before, "attempted again once enabled");
            assertTrue(receiver.received.stream().skip(before).anyMatch(r -> r.body().contains("list.entry-added")));
        }
    }

    @Test
    void shouldTakeOverADeliveryLeftLeasedByADeadReplicaAndSendItOnceUnderTheSameId() throws Exception {
        Bank bank = fixtures.bank();
        Enterprise e = fixtures.enterprise();
        try (Receiver receiver = fixtures.receiver()) {
            long endpointId = Long.parseLong(WebhookFixtures.endpoint(bank, receiver.url(), ALL_EVENTS).get("id"));
            WebhookFixtures.consent(e, bank, List.of("profile"));
            // A replica claimed these deliveries (lease token, one attempt counted) and died: one lease has run out, the other has not.
            String expired = message(bank, e, "msg_deadreplica" + e.uscc().substring(10).toLowerCase());
            String running = message(bank, e, "msg_livereplica" + e.uscc().substring(10).toLowerCase());
            fixtures.execute("""
                    INSERT INTO webhook_delivery (message_id, endpoint_id, attempts, lease_token, next_attempt_at, retry_until, created_at)
                    VALUES (?, ?, 1, gen_random_uuid(), now() - interval '1 second', now() + interval '1 hour', now() - interval '1 minute'),
                           (?, ?, 1, gen_random_uuid(), now() + interval '1 hour', now() + interval '2 hours', now() - interval '1 minute')""",
                    expired, endpointId, running, endpointId);

            await(PATIENCE, () -> receiver.received.size() == 1, "the expired lease is taken over");
            assertEquals(expired, receiver.received.getFirst().id(), "under the id the dead replica was sending");
            await(PATIENCE, () -> "DELIVERED".equals(fixtures.text("SELECT state FROM webhook_delivery WHERE message_id = ?", expired)), "recorded");
            WebhookFixtures.sleep(800);
            assertEquals(1, receiver.received.size(), "sent once; the live lease is left alone");
            assertEquals(2, fixtures.scalar("SELECT attempts FROM webhook_delivery WHERE message_id = ?", expired));
            assertEquals("PENDING", fixtures.text("SELECT state FROM webhook_delivery WHERE message_id = ?", running));
        }
    }

    @Test
    void shouldCreateNoEventForASubjectWhoseConsentWasRevoked() throws Exception {
        Bank bank = fixtures.bank();
        Enterprise e = fixtures.enterprise();
        try (Receiver receiver = fixtures.receiver()) {
            WebhookFixtures.endpoint(bank, receiver.url(), ALL_EVENTS);
            WebhookFixtures.revoke(e, WebhookFixtures.consent(e, bank, List.of("profile", "lists")));
            WebhookFixtures.penalise(e, "wh-revoked-" + e.uscc(), null);
            includeInBlackList(e);
            WebhookFixtures.sleep(1000);
            assertEquals(0, receiver.received.size());
            assertEquals(0, fixtures.scalar("SELECT count(*) FROM webhook_outbox WHERE subject_id = ?", e.id()), "not even queued");
            assertEquals(0, fixtures.scalar("SELECT count(*) FROM webhook_message WHERE subject_id = ?", e.id()));
        }
    }

    /**
     * A record for government eyes only, corrected to public, becomes a visible failing: an event for
     * a watched subject (the update half of the capture trigger, which asks whether anyone watches in
     * the same statement since V060), none for a subject nobody watches.
     */
    @Test
    void shouldSendARecordCorrectedIntoAVisibleFailingOnlyForAWatchedSubject() throws Exception {
        Bank bank = fixtures.bank();
        Enterprise watched = fixtures.enterprise();
        Enterprise unwatched = fixtures.enterprise();
        try (Receiver receiver = fixtures.receiver()) {
            WebhookFixtures.endpoint(bank, receiver.url(), ALL_EVENTS);
            WebhookFixtures.consent(watched, bank, List.of("profile"));
            WebhookFixtures.penalise(watched, "wh-corrected-" + watched.uscc(), "government");
            WebhookFixtures.penalise(unwatched, "wh-corrected-" + unwatched.uscc(), "government");
            WebhookFixtures.sleep(600);
            assertEquals(0, receiver.received.size(), "a record for government eyes is no visible failing");

            WebhookFixtures.penalise(watched, "wh-corrected-" + watched.uscc(), null);
            WebhookFixtures.penalise(unwatched, "wh-corrected-" + unwatched.uscc(), null);

            await(PATIENCE, () -> receiver.received.size() == 1, "the watched subject's corrected record");
            JsonPath event = json(receiver.received.getFirst());
            assertEquals("record.failing-published", event.getString("type"));
            assertEquals(watched.uscc(), event.getString("data.subjectUscc"));
            assertEquals("public", event.getString("data.disclosureLevel"));
            WebhookFixtures.sleep(600);
            assertEquals(1, receiver.received.size(), "nothing about the subject nobody watches");
            assertEquals(0, fixtures.scalar("SELECT count(*) FROM webhook_outbox WHERE subject_id = ?", unwatched.id()), "not even queued");
            assertEquals(0, fixtures.scalar("SELECT count(*) FROM webhook_message WHERE subject_id = ?", unwatched.id()));
            assertEquals(1, fixtures.scalar("SELECT count(*) FROM webhook_message WHERE subject_id = ?", watched.id()));
        }
    }

    @Test
    void shouldCancelADeliveryWhoseConsentEndedAfterTheEventWasQueued() throws Exception {
        Bank bank = fixtures.bank();
        Enterprise e = fixtures.enterprise();
        try (Receiver receiver = fixtures.failingReceiver(503)) {
            long endpointId = Long.parseLong(WebhookFixtures.endpoint(bank, receiver.url(), ALL_EVENTS).get("id"));
            String consent = WebhookFixtures.consent(e, bank, List.of("profile"));
            WebhookFixtures.penalise(e, "wh-cancelled-" + e.uscc(), null);
            await(PATIENCE, () -> receiver.received.size() >= 1, "the first attempt");
            WebhookFixtures.revoke(e, consent);
            await(PATIENCE, () -> "CANCELLED".equals(fixtures.text("SELECT state FROM webhook_delivery WHERE endpoint_id = ?", endpointId)),
                    "the next attempt asks the consent and stops");
            assertEquals("consent-revoked", fixtures.text("SELECT last_error FROM webhook_delivery WHERE endpoint_id = ?", endpointId));
            int attempts = receiver.received.size();
            WebhookFixtures.sleep(800);
            assertEquals(attempts, receiver.received.size());
            assertEquals("ENABLED", fixtures.text("SELECT status FROM webhook_endpoint WHERE id = ?", endpointId), "no fault of the endpoint");
        }
    }

    @Test
    void shouldSendOnlyWhatTheConsentCoversAndEachKindOfFailing() throws Exception {
        Bank bank = fixtures.bank();
        Enterprise e = fixtures.enterprise();
        evaluations.awaitQuiet();
        try (Receiver receiver = fixtures.receiver()) {
            WebhookFixtures.endpoint(bank, receiver.url(), ALL_EVENTS);
            WebhookFixtures.consent(e, bank, List.of("lists", "evaluation"));
            // Public penalties need the profile and authorised ones the authorised records: neither is consented.
            WebhookFixtures.penalise(e, "wh-public-" + e.uscc(), null);
            WebhookFixtures.penalise(e, "wh-authorised-" + e.uscc(), "authorised");
            includeInBlackList(e);
            evaluations.awaitQuiet();
            // As the evaluation store writes a result: from A to C is a drop (the worker's own result may have been one too).
            assertEquals(1, fixtures.execute("UPDATE evaluation SET grade = 'A', score = 850, supervision_class = 'TRUSTED', not_evaluated = NULL "
                    + "WHERE subject_id = ?", e.id()));
            fixtures.execute("UPDATE evaluation SET grade = 'C', score = 520, supervision_class = 'FOCUSED' WHERE subject_id = ?", e.id());

            await(PATIENCE, () -> types(receiver).contains("evaluation.grade-dropped") && receiver.received.stream().map(this::json)
                    .anyMatch(j -> "A".equals(j.getString("data.previousGrade")) && "C".equals(j.getString("data.grade"))), "the grade drop A → C");
            WebhookFixtures.sleep(600);
            assertEquals(Set.of("list.entry-added", "evaluation.grade-dropped"), types(receiver), "no record event without the profile or "
                    + "authorised-records category");
            List<JsonPath> listed = receiver.received.stream().map(this::json).filter(j -> j.getString("type").equals("list.entry-added")).toList();
            assertEquals(1, listed.size());
            assertEquals("black", listed.getFirst().getString("data.listType"));
            assertEquals(e.uscc(), listed.getFirst().getString("data.subjectUscc"));
            JsonPath drop = receiver.received.stream().map(this::json).filter(j -> "A".equals(j.getString("data.previousGrade"))).findFirst()
                    .orElseThrow();
            assertEquals("focused", drop.getString("data.supervisionClass"));
        }
    }

    private JsonPath json(Received received) {
        return JsonPath.from(received.body());
    }

    private Set<String> types(Receiver receiver) {
        return receiver.received.stream().map(r -> json(r).getString("type")).collect(Collectors.toSet());
    }

    @Test
    void shouldSendABrokenCommitmentToABankWhoseConsentCoversCommitments() throws Exception {
        Bank watching = fixtures.bank();
        Bank profileOnly = fixtures.bank();
        Enterprise e = fixtures.enterprise();
        try (Receiver receiver = fixtures.receiver(); Receiver other = fixtures.receiver()) {
            WebhookFixtures.endpoint(watching, receiver.url(), ALL_EVENTS);
            WebhookFixtures.endpoint(profileOnly, other.url(), ALL_EVENTS);
            WebhookFixtures.consent(e, watching, List.of("commitments"));
            WebhookFixtures.consent(e, profileOnly, List.of("profile"));
            // As the commitment workflow publishes a breach: a failing record of category commitment.
            fixtures.execute("""
                    INSERT INTO credit_record (subject_id, category, source_department, source_department_uscc, source_record_id, title,
                                               decision_date, reported_on, content, severity, published_from, published_until)
                    VALUES (?, 'COMMITMENT', ?, ?, ?, '信用承诺未履行', current_date, current_date, '承诺事项未在期限内履行', 'GENERAL',
                            current_date, current_date + 365)""", e.id(), SubjectFixtures.DEPARTMENT, SubjectFixtures.DEPARTMENT_USCC,
                    "wh-commitment-" + e.uscc());

            await(PATIENCE, () -> receiver.received.size() == 1, "the breach reaches the bank whose consent covers commitments");
            JsonPath body = json(receiver.received.getFirst());
            assertEquals("record.failing-published", body.getString("type"));
            assertEquals("commitment", body.getString("data.category"));
            WebhookFixtures.sleep(800);
            assertEquals(0, other.received.size(), "the profile does not cover commitments");
        }
    }

    @Test
    void shouldSignWithTheNewAndThePreviousSecretDuringTheOverlapAfterARotation() throws Exception {
        Bank bank = fixtures.bank();
        Enterprise e = fixtures.enterprise();
        try (Receiver receiver = fixtures.receiver()) {
            Map<String, String> endpoint = WebhookFixtures.endpoint(bank, receiver.url(), ALL_EVENTS);
            JsonPath rotated = as(bank.key()).when().post("/api/v1/webhook-endpoints/{id}/rotate-secret", endpoint.get("id")).then().statusCode(200)
                    .body("previousSecretValidUntil", notNullValue()).extract().jsonPath();
            String fresh = rotated.getString("secret");
            assertTrue(fresh.startsWith("whsec_") && !fresh.equals(endpoint.get("secret")));
            WebhookFixtures.consent(e, bank, List.of("profile"));
            WebhookFixtures.penalise(e, "wh-rotated-" + e.uscc(), null);

            await(PATIENCE, () -> receiver.received.size() == 1, "the event arrives");
            Received event = receiver.received.getFirst();
            List<String> signatures = List.of(event.signature().split(" "));
            assertEquals(List.of(WebhookFixtures.sign(fresh, event.id(), event.timestamp(), event.body()),
                    WebhookFixtures.sign(endpoint.get("secret"), event.id(), event.timestamp(), event.body())), signatures);
        }
    }

    @Test
    void shouldRedeliverAnEventUnderTheSameIdOnRequest() throws Exception {
        Bank bank = fixtures.bank();
        Enterprise e = fixtures.enterprise();
        try (Receiver receiver = fixtures.receiver()) {
            String endpointId = WebhookFixtures.endpoint(bank, receiver.url(), ALL_EVENTS).get("id");
            WebhookFixtures.consent(e, bank, List.of("profile"));
            WebhookFixtures.penalise(e, "wh-redelivered-" + e.uscc(), null);
            await(PATIENCE, () -> "DELIVERED".equals(fixtures.text("SELECT state FROM webhook_delivery WHERE endpoint_id = ?",
                    Long.parseLong(endpointId))), "delivered");
            String deliveryId = Long.toString(fixtures.scalar("SELECT id FROM webhook_delivery WHERE endpoint_id = ?", Long.parseLong(endpointId)));

            as(bank.key()).when().post("/api/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver", endpointId, deliveryId)
                    .then().statusCode(200).body("state", equalTo("pending")).body("nextAttemptAt", notNullValue());
            await(PATIENCE, () -> receiver.received.size() == 2, "sent again");
            assertEquals(receiver.received.get(0).id(), receiver.received.get(1).id());
            assertEquals(receiver.received.get(0).body(), receiver.received.get(1).body(), "the same bytes");

            as(bank.key()).when().post("/api/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver", endpointId, "999999999")
                    .then().statusCode(404);
            Bank other = fixtures.bank();
            as(other.key()).when().post("/api/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver", endpointId, deliveryId)
                    .then().statusCode(404);
        }
    }

    /** Inserts a message as the dispatcher would have, for the bank about the enterprise. */
    private String message(Bank bank, Enterprise e, String id) {
        fixtures.execute("""
                INSERT INTO webhook_message (id, consumer_id, subject_id, event_type, consent_category, body, occurred_at, created_at)
                VALUES (?, ?::uuid, ?, 'RECORD_FAILING_PUBLISHED', 'PROFILE', ?, now(), now())""", id, bank.id(), e.id(),
                "{\"type\":\"record.failing-published\",\"timestamp\":\"2026-12-05T09:30:00+08:00\",\"data\":{\"subjectUscc\":\"" + e.uscc() + "\"}}");
        return id;
    }

    private static void includeInBlackList(Enterprise e) {
        as(AccessFixtures.OPERATOR_KEY).body(Map.of("subjectUscc", e.uscc(), "authority", SubjectFixtures.DEPARTMENT, "authorityUscc",
                SubjectFixtures.DEPARTMENT_USCC, "reason", "贷后监测测试：严重失信", "legalBasis", "《测试办法》第二条", "legalRepresentative", "张三"))
                .when().post("/api/v1/lists/black/entries").then().statusCode(201);
    }
}
