package cn.opencredit.gateway.webhook;

import static cn.opencredit.gateway.webhook.WebhookFixtures.as;
import static cn.opencredit.gateway.webhook.WebhookFixtures.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.opencredit.gateway.evaluation.EvaluationFixtures;
import cn.opencredit.gateway.webhook.WebhookFixtures.Bank;
import cn.opencredit.gateway.webhook.WebhookFixtures.Enterprise;
import cn.opencredit.gateway.webhook.WebhookFixtures.Receiver;
import cn.opencredit.gateway.webhook.WebhookFixtures.Received;

/**
 * The whole 信易贷 cycle as a bank integrates it: the enterprise consents, the bank pulls the package,
 * the enterprise posts a demand, the bank offers, the enterprise accepts, the bank reports the loan,
 * the enterprise consents to monitoring, and a new penalty reaches the bank's endpoint signed as the
 * published algorithm says; the enterprise sees every pull in its access log and every step in its
 * timeline.
 */
@QuarkusTest
class LoanCycleScenarioTests {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final WebhookFixtures fixtures;
    private final EvaluationFixtures evaluations;

    LoanCycleScenarioTests(WebhookFixtures fixtures, EvaluationFixtures evaluations) {
        this.fixtures = fixtures;
        this.evaluations = evaluations;
    }

    @Test
    void shouldCarryAnEnterpriseFromConsentToLoanToASignedMonitoringEvent() throws Exception {
        Bank bank = fixtures.bank();
        Enterprise e = fixtures.enterprise();
        evaluations.awaitQuiet();

        // 1. The enterprise authorises the bank for its loan application; the bank pulls the package.
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("subjectUscc", e.uscc());
        consent.put("granteeId", bank.id());
        consent.put("purpose", "loan-application");
        consent.put("categories", List.of("profile", "evaluation", "lists"));
        consent.put("validUntil", WebhookFixtures.TODAY.plusMonths(3).toString());
        consent.put("reference", "SQ-" + e.uscc().substring(10));
        String loanConsent = as(e.key()).body(consent).when().post("/api/v1/consents").then().statusCode(201).extract().path("id");
        as(bank.key()).when().get("/api/v1/finance/subjects/{uscc}/package", e.uscc()).then().statusCode(200)
                .body("consent.id", equalTo(loanConsent)).body("evaluation.uscc", equalTo(e.uscc()));

        // 2. A demand to this bank, its offer, the enterprise's acceptance and the loan granted on credit.
        Map<String, Object> demand = new LinkedHashMap<>();
        demand.put("subjectUscc", e.uscc());
        demand.put("amount", "1500000.00");
        demand.put("termMonths", 24);
        demand.put("purpose", "采购原材料");
        demand.put("guaranteeType", "credit");
        demand.put("banks", List.of(bank.id()));
        String demandId = as(e.key()).header("Idempotency-Key", "xyd-" + e.uscc()).body(demand).when().post("/api/v1/finance/demands")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("decision", "offer");
        offer.put("amount", "1500000.00");
        offer.put("rateFrom", "3.45");
        offer.put("rateTo", "3.85");
        offer.put("termMonths", 24);
        String offerId = as(bank.key()).body(offer).when().post("/api/v1/finance/demands/{id}/responses", demandId).then().statusCode(200)
                .extract().path("responses[0].id");
        as(e.key()).body(Map.of("offerId", offerId, "version", 0)).when().post("/api/v1/finance/demands/{id}/acceptance", demandId)
                .then().statusCode(200).body("state", equalTo("accepted"));
        Map<String, Object> granted = new LinkedHashMap<>();
        granted.put("result", "granted");
        granted.put("amount", "1500000.00");
        granted.put("termMonths", 24);
        granted.put("rateFrom", "3.45");
        granted.put("rateTo", "3.85");
        granted.put("guaranteeType", "credit");
        granted.put("decidedOn", WebhookFixtures.TODAY.toString());
        as(bank.key()).body(granted).when().post("/api/v1/finance/demands/{id}/outcome", demandId).then().statusCode(200);

        // 3. After the loan: the enterprise consents to monitoring, the bank registers its endpoint, a department penalises.
        try (Receiver receiver = fixtures.receiver()) {
            Map<String, String> endpoint = WebhookFixtures.endpoint(bank, receiver.url(), List.of("record.failing-published"));
            WebhookFixtures.consent(e, bank, List.of("profile"));
            WebhookFixtures.penalise(e, "cycle-" + e.uscc(), null);

            await(PATIENCE, () -> !receiver.received.isEmpty(), "the monitoring event arrives");
            Received event = receiver.received.getFirst();
            assertEquals(WebhookFixtures.sign(endpoint.get("secret"), event.id(), event.timestamp(), event.body()), event.signature(),
                    "verifiable with the published algorithm");
            JsonPath body = JsonPath.from(event.body());
            assertEquals("record.failing-published", body.getString("type"));
            assertEquals(e.uscc(), body.getString("data.subjectUscc"));
            assertEquals("penalty", body.getString("data.category"));
        }

        // 4. The enterprise sees the bank's pull under its consent, and every step in its timeline.
        as(e.key()).when().get("/api/v1/subjects/{uscc}/access-log", e.uscc()).then().statusCode(200)
                .body("items.findAll { it.operation == 'finance.package' }.consentId", contains(loanConsent));
        as(e.key()).when().get("/api/v1/subjects/{uscc}/timeline", e.uscc()).then().statusCode(200)
                .body("items.workflow", hasItem("finance-demand"))
                .body("items.workflow", hasItem("consent"));
    }
}
