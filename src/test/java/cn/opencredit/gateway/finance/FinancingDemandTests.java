package cn.opencredit.gateway.finance;

import static cn.opencredit.gateway.finance.MarketFixtures.as;
import static cn.opencredit.gateway.finance.MarketFixtures.asOperator;
import static cn.opencredit.gateway.finance.MarketFixtures.decline;
import static cn.opencredit.gateway.finance.MarketFixtures.demand;
import static cn.opencredit.gateway.finance.MarketFixtures.granted;
import static cn.opencredit.gateway.finance.MarketFixtures.offer;
import static cn.opencredit.gateway.finance.MarketFixtures.refused;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.opencredit.gateway.access.ConsumerType;

/** Financing demands from posting to the loan: every transition and refusal, and who may do what. */
@QuarkusTest
class FinancingDemandTests {

    private static final String DEMANDS = "/api/v1/finance/demands";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final MarketFixtures fixtures;
    private static MarketFixtures.Party bank;
    private static MarketFixtures.Party otherBank;

    FinancingDemandTests(MarketFixtures fixtures) {
        this.fixtures = fixtures;
    }

    @BeforeEach
    void ready() {
        if (bank == null) {
            bank = fixtures.bank();
            otherBank = fixtures.bank();
        }
    }

    private static JsonPath post(MarketFixtures.Enterprise e, Map<String, Object> body) {
        return as(e.key()).body(body).when().post(DEMANDS).then().statusCode(201).extract().jsonPath();
    }

    private long demands(MarketFixtures.Enterprise e) {
        return fixtures.count("SELECT count(*) FROM finance_demand WHERE subject_id = ?", e.id());
    }

    @Test
    void shouldPostADemandToEveryBankAndKeepItInTheTimeline() {
        MarketFixtures.Enterprise e = fixtures.enterprise();
        JsonPath posted = post(e, demand(e.uscc()));
        String id = posted.getString("id");
        assertEquals("open", posted.getString("state"));
        assertEquals("3000000.00", posted.getString("amount.amount"));
        assertEquals("CNY", posted.getString("amount.currency"));
        assertEquals(true, posted.getBoolean("toAllBanks"));
        assertEquals(List.of("posted"), posted.getList("events.transition"));
        as(bank.key()).when().get(DEMANDS + "/{id}", id).then().statusCode(200).body("events", nullValue()).body("banks", nullValue())
                .body("subjectName", containsString("信易贷测试"));
        as(bank.key()).when().get(DEMANDS + "?state=open&limit=100").then().statusCode(200).body("items.id", hasItem(id));
        as(e.key()).when().get("/api/v1/subjects/{uscc}/timeline", e.uscc()).then().statusCode(200)
                .body("items[0].workflow", equalTo("finance-demand")).body("items[0].transition", equalTo("posted"))
                .body("items[0].caseId", equalTo(id));
    }

    @Test
    void shouldRefuseEveryBadDemandAndStoreNothing() {
        MarketFixtures.Enterprise e = fixtures.enterprise();
        MarketFixtures.Enterprise other = fixtures.enterprise();
        Map<String, Object> negative = demand(e.uscc());
        negative.put("amount", "-100.00");
        as(e.key()).body(negative).when().post(DEMANDS).then().statusCode(400).body("errors[0].field", equalTo("amount"))
                .body("errors[0].code", equalTo("not-positive"));
        for (String[] bad : new String[][] {{"0", "not-positive"}, {"12.345", "too-precise"}, {"1e6", "format"}, {"一百万", "format"}}) {
            Map<String, Object> body = demand(e.uscc());
            body.put("amount", bad[0]);
            as(e.key()).body(body).when().post(DEMANDS).then().statusCode(400).body("errors[0].code", equalTo(bad[1]));
        }
        for (Object term : new Object[] {0, 361}) {
            Map<String, Object> body = demand(e.uscc());
            body.put("termMonths", term);
            as(e.key()).body(body).when().post(DEMANDS).then().statusCode(400);
        }
        Map<String, Object> pledge = demand(e.uscc());
        pledge.put("guaranteeType", "pledge");
        as(e.key()).body(pledge).when().post(DEMANDS).then().statusCode(400);
        Map<String, Object> dollars = demand(e.uscc());
        dollars.put("currency", "USD");
        as(e.key()).body(dollars).when().post(DEMANDS).then().statusCode(400).body("errors[0].code", equalTo("currency"));
        Map<String, Object> noPurpose = demand(e.uscc());
        noPurpose.remove("purpose");
        as(e.key()).body(noPurpose).when().post(DEMANDS).then().statusCode(400);
        Map<String, Object> banks = demand(e.uscc());
        banks.put("banks", List.of(bank.id(), UUID.randomUUID().toString(), fixtures.consumer(ConsumerType.CREDIT_AGENCY).id()));
        as(e.key()).body(banks).when().post(DEMANDS).then().statusCode(400)
                .body("errors.field", equalTo(List.of("banks[1]", "banks[2]")))
                .body("errors.code", equalTo(List.of("unknown-bank", "not-a-bank")));
        as(other.key()).body(demand(e.uscc())).when().post(DEMANDS).then().statusCode(403).body("detail", containsString("for itself only"));
        as(bank.key()).body(demand(e.uscc())).when().post(DEMANDS).then().statusCode(403);
        as(e.key()).header("Idempotency-Key", "k".repeat(201)).body(demand(e.uscc())).when().post(DEMANDS).then().statusCode(400);
        assertEquals(0, demands(e));
        assertEquals(0, fixtures.count("SELECT count(*) FROM workflow_event WHERE subject_id = ?", e.id()));

        asOperator().body(demand(e.uscc())).when().post(DEMANDS).then().statusCode(201).body("events[0].actor", equalTo("operator"));
    }

    @Test
    void shouldReplayTheSameRequestForTheSameKey() {
        MarketFixtures.Enterprise e = fixtures.enterprise();
        String key = "d-" + e.uscc();
        String id = as(e.key()).header("Idempotency-Key", key).body(demand(e.uscc())).when().post(DEMANDS).then().statusCode(201)
                .header("Location", containsString(DEMANDS + "/")).extract().path("id");
        as(e.key()).header("Idempotency-Key", key).body(demand(e.uscc())).when().post(DEMANDS).then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        Map<String, Object> other = demand(e.uscc());
        other.put("amount", "100.00");
        as(e.key()).header("Idempotency-Key", key).body(other).when().post(DEMANDS).then().statusCode(409)
                .body("type", containsString("idempotency-key-reused"));
        assertEquals(1, demands(e));
    }

    @Test
    void shouldSendADemandOnlyToTheBanksItNames() {
        MarketFixtures.Enterprise e = fixtures.enterprise();
        MarketFixtures.Enterprise other = fixtures.enterprise();
        Map<String, Object> body = demand(e.uscc());
        body.put("banks", List.of(bank.id(), bank.id()));
        JsonPath posted = post(e, body);
        String id = posted.getString("id");
        assertEquals(List.of(bank.id()), posted.getList("banks"));
        assertEquals(false, posted.getBoolean("toAllBanks"));

        as(bank.key()).when().get(DEMANDS + "/{id}", id).then().statusCode(200);
        as(bank.key()).when().get(DEMANDS + "?limit=100").then().statusCode(200).body("items.id", hasItem(id));
        as(otherBank.key()).when().get(DEMANDS + "?limit=100").then().statusCode(200).body("items.id", not(hasItem(id)));
        as(otherBank.key()).when().get(DEMANDS + "/{id}", id).then().statusCode(404);
        as(otherBank.key()).body(offer("100.00", "3.1", "3.2")).when().post(DEMANDS + "/{id}/responses", id).then().statusCode(404);
        as(otherBank.key()).body(refused("other", TODAY.toString())).when().post(DEMANDS + "/{id}/outcome", id).then().statusCode(404)
                .body("detail", containsString("was sent to you"));
        as(fixtures.consumer(ConsumerType.CREDIT_AGENCY).key()).when().get(DEMANDS).then().statusCode(403);
        as(other.key()).when().get(DEMANDS + "/{id}", id).then().statusCode(404);
        as(other.key()).when().get(DEMANDS + "?limit=100").then().statusCode(200).body("items.id", not(hasItem(id)));
        asOperator().when().get(DEMANDS + "/{id}", id).then().statusCode(200).body("events.transition", equalTo(List.of("posted")));
        asOperator().when().get(DEMANDS + "?subject=" + e.uscc()).then().statusCode(200).body("items.id", equalTo(List.of(id)))
                .body("items[0].banks", equalTo(List.of(bank.id()))).body("items[0].subjectUscc", equalTo(e.uscc()));
        as(bank.key()).when().get(DEMANDS + "?limit=100").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.banks", nullValue());
        assertEquals(0, fixtures.count("SELECT count(*) FROM finance_offer WHERE demand_id = ?", Long.parseLong(id)));
        assertEquals(0, fixtures.count("SELECT count(*) FROM finance_loan_outcome WHERE demand_id = ?", Long.parseLong(id)));
    }

    @Test
    void shouldLetABankAnswerOnceWhileTheDemandIsOpen() {
        MarketFixtures.Enterprise e = fixtures.enterprise();
        String id = post(e, demand(e.uscc())).getString("id");
        as(bank.key()).body(offer("2000000", "3.9", "3.5")).when().post(DEMANDS + "/{id}/responses", id).then().statusCode(400)
                .body("errors[0].code", equalTo("inverted-band"));
        as(bank.key()).body(Map.of("decision", "decline")).when().post(DEMANDS + "/{id}/responses", id).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        Map<String, Object> mixed = decline("amount-or-term");
        mixed.put("amount", "100.00");
        as(bank.key()).body(mixed).when().post(DEMANDS + "/{id}/responses", id).then().statusCode(400).body("errors[0].code", equalTo("not-allowed"));
        as(bank.key()).body(decline("other")).when().post(DEMANDS + "/{id}/responses", id).then().statusCode(400)
                .body("errors[0].field", equalTo("note"));
        as(bank.key()).body(offer("2000000", "3.4567", "3.9")).when().post(DEMANDS + "/{id}/responses", id).then().statusCode(400)
                .body("errors[0].code", equalTo("too-precise"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM finance_offer WHERE demand_id = ?", Long.parseLong(id)));

        as(bank.key()).body(offer("2000000", "3.45", "3.85")).when().post(DEMANDS + "/{id}/responses", id).then().statusCode(200)
                .body("responses", hasSize(1)).body("responses[0].amount.amount", equalTo("2000000.00"))
                .body("responses[0].rateFrom", equalTo("3.450")).body("responses[0].state", equalTo("made"));
        as(bank.key()).body(decline("amount-or-term")).when().post(DEMANDS + "/{id}/responses", id).then().statusCode(409)
                .body("detail", containsString("already"));
        as(otherBank.key()).body(decline("adverse-credit-record")).when().post(DEMANDS + "/{id}/responses", id).then().statusCode(200)
                .body("responses", hasSize(1)).body("responses[0].decision", equalTo("decline"));
        as(bank.key()).when().get(DEMANDS + "/{id}", id).then().statusCode(200).body("responses", hasSize(1))
                .body("responses[0].decision", equalTo("offer"));
        as(e.key()).when().get(DEMANDS + "/{id}", id).then().statusCode(200).body("responses", hasSize(2))
                .body("events.transition", equalTo(List.of("posted", "offered", "declined")));
        asOperator().body(offer("1.00", "1", "2")).when().post(DEMANDS + "/{id}/responses", id).then().statusCode(404);

        as(e.key()).body(Map.of("version", 0)).when().post(DEMANDS + "/{id}/withdrawal", id).then().statusCode(200)
                .body("state", equalTo("withdrawn"));
        MarketFixtures.Party late = fixtures.bank();
        as(late.key()).body(offer("1.00", "1", "2")).when().post(DEMANDS + "/{id}/responses", id).then().statusCode(409)
                .body("detail", containsString("withdrawn already"));
    }

    @Test
    void shouldAcceptOneOfferAndLeaveTheOthersNotChosen() {
        MarketFixtures.Enterprise e = fixtures.enterprise();
        MarketFixtures.Enterprise other = fixtures.enterprise();
        String id = post(e, demand(e.uscc())).getString("id");
        MarketFixtures.Party third = fixtures.bank();
        String chosen = as(bank.key()).body(offer("2000000", "3.45", "3.85")).when().post(DEMANDS + "/{id}/responses", id).then()
                .statusCode(200).extract().path("responses[0].id");
        String second = as(otherBank.key()).body(offer("3000000", "3.95", "4.35")).when().post(DEMANDS + "/{id}/responses", id).then()
                .statusCode(200).extract().path("responses[0].id");
        String declined = as(third.key()).body(decline("outside-lending-policy")).when().post(DEMANDS + "/{id}/responses", id).then()
                .statusCode(200).extract().path("responses[0].id");

        as(e.key()).body(Map.of("offerId", declined, "version", 0)).when().post(DEMANDS + "/{id}/acceptance", id).then().statusCode(400)
                .body("errors[0].code", equalTo("not-an-offer"));
        as(e.key()).body(Map.of("offerId", "999999999", "version", 0)).when().post(DEMANDS + "/{id}/acceptance", id).then().statusCode(400)
                .body("errors[0].code", equalTo("unknown-offer"));
        as(e.key()).body(Map.of("offerId", chosen, "version", 3)).when().post(DEMANDS + "/{id}/acceptance", id).then().statusCode(409)
                .body("detail", containsString("version"));
        as(other.key()).body(Map.of("offerId", chosen, "version", 0)).when().post(DEMANDS + "/{id}/acceptance", id).then().statusCode(404);
        as(bank.key()).body(Map.of("offerId", chosen, "version", 0)).when().post(DEMANDS + "/{id}/acceptance", id).then().statusCode(403);
        assertEquals("OPEN", fixtures.text("SELECT state FROM finance_demand WHERE id = ?", Long.parseLong(id)));

        JsonPath accepted = as(e.key()).body(Map.of("offerId", chosen, "version", 0)).when().post(DEMANDS + "/{id}/acceptance", id).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("accepted", accepted.getString("state"));
        assertEquals(chosen, accepted.getString("acceptedOfferId"));
        assertEquals(1, accepted.getInt("version"));
        assertEquals(List.of("accepted", "not-chosen", "made"), accepted.getList("responses.state"));
        assertEquals(List.of("posted", "offered", "offered", "declined", "accepted"), accepted.getList("events.transition"));
        as(otherBank.key()).when().get(DEMANDS + "/{id}", id).then().statusCode(200).body("responses[0].id", equalTo(second))
                .body("responses[0].state", equalTo("not-chosen"));
        as(otherBank.key()).when().get(DEMANDS + "?state=accepted&limit=100").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.responses.id", equalTo(List.of(second)));
        as(e.key()).when().get(DEMANDS).then().statusCode(200).body("items[0].responses.state", equalTo(List.of("accepted", "not-chosen", "made")))
                .body("items[0].events", nullValue()).body("items[0].banks", equalTo(List.of()));

        as(e.key()).body(Map.of("offerId", second, "version", 1)).when().post(DEMANDS + "/{id}/acceptance", id).then().statusCode(409)
                .body("detail", containsString("accepted already"));
        as(e.key()).body(Map.of("version", 1)).when().post(DEMANDS + "/{id}/withdrawal", id).then().statusCode(409);
        assertEquals(1, fixtures.count("SELECT count(*) FROM finance_offer WHERE demand_id = ? AND state = 'ACCEPTED'", Long.parseLong(id)));
    }

    @Test
    void shouldAcceptOnlyOneOfTwoOffersAcceptedAtOnce() throws Exception {
        MarketFixtures.Enterprise e = fixtures.enterprise();
        String id = post(e, demand(e.uscc())).getString("id");
        String one = as(bank.key()).body(offer("1000000", "3.5", "3.9")).when().post(DEMANDS + "/{id}/responses", id).then().statusCode(200)
                .extract().path("responses[0].id");
        String two = as(otherBank.key()).body(offer("1500000", "3.6", "4.0")).when().post(DEMANDS + "/{id}/responses", id).then()
                .statusCode(200).extract().path("responses[0].id");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> answers = pool.invokeAll(List.of(
                    () -> as(e.key()).body(Map.of("offerId", one, "version", 0)).when().post(DEMANDS + "/{id}/acceptance", id).statusCode(),
                    () -> as(e.key()).body(Map.of("offerId", two, "version", 0)).when().post(DEMANDS + "/{id}/acceptance", id).statusCode()));
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, fixtures.count("SELECT count(*) FROM finance_offer WHERE demand_id = ? AND state = 'ACCEPTED'", Long.parseLong(id)));
        assertEquals(1, fixtures.count("SELECT count(*) FROM finance_offer WHERE demand_id = ? AND state = 'NOT_CHOSEN'", Long.parseLong(id)));
        assertEquals(1, fixtures.count("SELECT count(*) FROM workflow_event WHERE workflow = 'FINANCE_DEMAND' AND case_id = ? "
                + "AND transition = 'accepted'", Long.parseLong(id)));
    }

    @Test
    void shouldWithdrawOnlyAnOpenDemandOnTheVersionRead() {
        MarketFixtures.Enterprise e = fixtures.enterprise();
        MarketFixtures.Enterprise other = fixtures.enterprise();
        String id = post(e, demand(e.uscc())).getString("id");
        as(other.key()).body(Map.of("version", 0)).when().post(DEMANDS + "/{id}/withdrawal", id).then().statusCode(404);
        as(e.key()).body(Map.of("version", 5)).when().post(DEMANDS + "/{id}/withdrawal", id).then().statusCode(409);
        as(e.key()).body(Map.of("reason", "已通过其他渠道解决", "version", 0)).when().post(DEMANDS + "/{id}/withdrawal", id).then().statusCode(200)
                .body("state", equalTo("withdrawn")).body("closedAt", org.hamcrest.Matchers.notNullValue())
                .body("events[1].reason", equalTo("已通过其他渠道解决"));
        as(e.key()).body(Map.of("version", 1)).when().post(DEMANDS + "/{id}/withdrawal", id).then().statusCode(409);
        as(bank.key()).body(granted("100.00", "credit", TODAY.toString())).when().post(DEMANDS + "/{id}/outcome", id).then().statusCode(409)
                .body("detail", containsString("withdrawn"));
        as(bank.key()).body(refused("incomplete-information", TODAY.toString())).when().post(DEMANDS + "/{id}/outcome", id).then()
                .statusCode(200).body("result", equalTo("refused"));
        as(e.key()).when().get(DEMANDS + "?state=withdrawn").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        as(e.key()).when().get(DEMANDS + "?state=open").then().statusCode(200).body("items", hasSize(0));
        as(e.key()).when().get(DEMANDS + "?state=closed").then().statusCode(400);
    }

    @Test
    void shouldTakeOneOutcomePerBankAndRefuseBadOnes() {
        MarketFixtures.Enterprise e = fixtures.enterprise();
        String id = post(e, demand(e.uscc())).getString("id");
        as(bank.key()).body(granted("100.00", "credit", TODAY.plusDays(1).toString())).when().post(DEMANDS + "/{id}/outcome", id).then()
                .statusCode(400).body("errors[0].code", equalTo("in-the-future"));
        as(bank.key()).body(granted("100.00", "credit", TODAY.minusDays(1).toString())).when().post(DEMANDS + "/{id}/outcome", id).then()
                .statusCode(400).body("errors[0].code", equalTo("before-demand"));
        Map<String, Object> unsecured = granted("100.00", "credit", TODAY.toString());
        unsecured.remove("guaranteeType");
        as(bank.key()).body(unsecured).when().post(DEMANDS + "/{id}/outcome", id).then().statusCode(400)
                .body("errors[0].field", equalTo("guaranteeType"));
        as(bank.key()).body(granted("-5", "credit", TODAY.toString())).when().post(DEMANDS + "/{id}/outcome", id).then().statusCode(400)
                .body("errors[0].code", equalTo("not-positive"));
        as(bank.key()).body(Map.of("result", "refused", "decidedOn", TODAY.toString())).when().post(DEMANDS + "/{id}/outcome", id).then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        as(bank.key()).body(granted("100.00", "credit", TODAY.toString())).when().post(DEMANDS + "/999999999/outcome").then().statusCode(404);
        assertEquals(0, fixtures.count("SELECT count(*) FROM finance_loan_outcome WHERE demand_id = ?", Long.parseLong(id)));

        as(bank.key()).body(granted("100.00", "mortgage", TODAY.toString())).when().post(DEMANDS + "/{id}/outcome", id).then().statusCode(200)
                .body("result", equalTo("granted")).body("amount.amount", equalTo("100.00")).body("guaranteeType", equalTo("mortgage"));
        as(bank.key()).body(refused("other", TODAY.toString())).when().post(DEMANDS + "/{id}/outcome", id).then().statusCode(409)
                .body("detail", containsString("already"));
        asOperator().body(refused("other", TODAY.toString())).when().post(DEMANDS + "/{id}/outcome", id).then().statusCode(404);
        as(e.key()).when().get(DEMANDS + "/{id}", id).then().statusCode(200).body("outcomes", hasSize(1))
                .body("events.transition", equalTo(List.of("posted", "loan-granted")));
        assertEquals("659001", fixtures.text("SELECT region_code FROM finance_loan_outcome WHERE demand_id = ?", Long.parseLong(id)));
    }

    @Test
    void shouldPageDemandsNewestFirst() {
        MarketFixtures.Enterprise e = fixtures.enterprise();
        String first = post(e, demand(e.uscc())).getString("id");
        String second = post(e, demand(e.uscc())).getString("id");
        String third = post(e, demand(e.uscc())).getString("id");
        JsonPath page = as(e.key()).when().get(DEMANDS + "?limit=2").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(third, second), page.getList("items.id"));
        as(e.key()).queryParam("limit", 2).queryParam("cursor", page.getString("nextCursor")).when().get(DEMANDS).then().statusCode(200)
                .body("items.id", equalTo(List.of(first))).body("nextCursor", nullValue());
        as(e.key()).when().get(DEMANDS + "?cursor=bogus").then().statusCode(400);
    }
}
