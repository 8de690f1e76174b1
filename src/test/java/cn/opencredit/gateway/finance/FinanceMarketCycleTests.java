package cn.opencredit.gateway.finance;

import static cn.opencredit.gateway.finance.MarketFixtures.as;
import static cn.opencredit.gateway.finance.MarketFixtures.asOperator;
import static cn.opencredit.gateway.finance.MarketFixtures.decline;
import static cn.opencredit.gateway.finance.MarketFixtures.demand;
import static cn.opencredit.gateway.finance.MarketFixtures.granted;
import static cn.opencredit.gateway.finance.MarketFixtures.offer;
import static cn.opencredit.gateway.finance.MarketFixtures.refused;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.opencredit.gateway.access.ConsumerType;

/**
 * The whole cycle: a demand, offers from two banks and a decline from a third, one offer accepted
 * (the other not chosen), the loan granted by one bank and refused by another, and the statistics
 * reflecting each step.
 */
@QuarkusTest
class FinanceMarketCycleTests {

    private static final String DEMANDS = "/api/v1/finance/demands";
    private static final String STATS = "/api/v1/stats/finance";
    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    private final MarketFixtures fixtures;

    FinanceMarketCycleTests(MarketFixtures fixtures) {
        this.fixtures = fixtures;
    }

    private static Map<String, Object> bankFigures(JsonPath stats, String bankId) {
        List<Map<String, Object>> banks = stats.getList("byBank");
        return banks.stream().filter(b -> bankId.equals(b.get("bankId"))).findFirst().map(b -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> figures = (Map<String, Object>) b.get("figures");
            return figures;
        }).orElseThrow(() -> new AssertionError("no figures of bank " + bankId));
    }

    @Test
    void shouldCarryADemandThroughOffersAcceptanceAndLoanIntoTheStatistics() {
        MarketFixtures.Enterprise e = fixtures.enterprise();
        MarketFixtures.Party lender = fixtures.bank();
        MarketFixtures.Party runnerUp = fixtures.bank();
        MarketFixtures.Party decliner = fixtures.bank();

        String id = as(e.key()).body(demand(e.uscc())).when().post(DEMANDS).then().statusCode(201).extract().path("id");
        String chosen = as(lender.key()).body(offer("2000000.00", "3.45", "3.85")).when().post(DEMANDS + "/{id}/responses", id).then()
                .statusCode(200).extract().path("responses[0].id");
        as(runnerUp.key()).body(offer("3000000.00", "3.95", "4.35")).when().post(DEMANDS + "/{id}/responses", id).then().statusCode(200);
        as(decliner.key()).body(decline("insufficient-repayment-capacity")).when().post(DEMANDS + "/{id}/responses", id).then().statusCode(200);
        as(e.key()).body(Map.of("offerId", chosen, "version", 0)).when().post(DEMANDS + "/{id}/acceptance", id).then().statusCode(200)
                .body("responses.state", equalTo(List.of("accepted", "not-chosen", "made")));

        JsonPath today = asOperator().when().get(STATS + "?from=" + TODAY + "&to=" + TODAY).then().statusCode(200).extract().jsonPath();
        assertEquals(Map.of("offers", 1, "acceptedOffers", 1, "declines", 0), subset(bankFigures(today, lender.id()), "offers", "acceptedOffers",
                "declines"));
        assertEquals(Map.of("offers", 1, "acceptedOffers", 0, "declines", 0), subset(bankFigures(today, runnerUp.id()), "offers",
                "acceptedOffers", "declines"));
        assertEquals(Map.of("offers", 0, "acceptedOffers", 0, "declines", 1), subset(bankFigures(today, decliner.id()), "offers",
                "acceptedOffers", "declines"));

        // The demand was posted ten days before the loan: moved to a month no other test uses, so the figures there are exactly its own.
        fixtures.execute("UPDATE finance_demand SET created_at = '2025-03-01T10:00:00+08:00' WHERE id = ?", Long.parseLong(id));
        as(lender.key()).body(granted("2000000.00", "credit", "2025-03-11")).when().post(DEMANDS + "/{id}/outcome", id).then().statusCode(200);
        as(runnerUp.key()).body(refused("amount-or-term", "2025-03-05")).when().post(DEMANDS + "/{id}/outcome", id).then().statusCode(200);
        as(decliner.key()).body(refused("insufficient-repayment-capacity", "2025-03-02")).when().post(DEMANDS + "/{id}/outcome", id)
                .then().statusCode(200);
        as(lender.key()).body(granted("2000000.00", "credit", "2025-03-11")).when().post(DEMANDS + "/{id}/outcome", id).then().statusCode(409);

        JsonPath march = asOperator().when().get(STATS + "?from=2025-03-01&to=2025-03-31").then().statusCode(200).extract().jsonPath();
        assertEquals("2025-03-01", march.getString("from"));
        assertEquals(1, march.getInt("totals.demands"));
        assertEquals("3000000.00", march.getString("totals.demandedAmount.amount"));
        assertEquals(1, march.getInt("totals.loansGranted"));
        assertEquals(2, march.getInt("totals.loansRefused"));
        assertEquals("2000000.00", march.getString("totals.grantedAmount.amount"));
        assertEquals("CNY", march.getString("totals.grantedAmount.currency"));
        assertEquals(1, march.getInt("totals.creditLoans"));
        assertEquals(1.0f, march.getFloat("totals.creditShare"));
        assertEquals(10.0f, march.getFloat("medianDaysToLoan"));
        assertEquals(List.of("2025-03"), march.getList("byMonth.month"));
        assertEquals(List.of("659001"), march.getList("byRegion.regionCode"));
        assertEquals(1, march.getInt("byRegion[0].figures.loansGranted"));
        assertEquals("2000000.00", bankFigures(march, lender.id()).get("grantedAmount") instanceof Map<?, ?> m ? m.get("amount") : null);
        assertEquals(1, bankFigures(march, runnerUp.id()).get("loansRefused"));
        assertEquals(List.of(lender.id(), runnerUp.id(), decliner.id()).stream().sorted().toList(), march.getList("byBank.bankId"));
        assertEquals(true, march.getList("byBank.bankName").contains(fixtures.text("SELECT name FROM access_consumer WHERE id = ?::uuid", lender.id())));

        as(e.key()).when().get("/api/v1/subjects/{uscc}/timeline", e.uscc()).then().statusCode(200)
                .body("items.transition", equalTo(List.of("loan-refused", "loan-refused", "loan-granted", "accepted", "declined", "offered",
                        "offered", "posted")));
    }

    @Test
    void shouldShowStatisticsToOperatorsOnlyAndRefuseABadRange() {
        asOperator().when().get(STATS + "?from=2026-02-01&to=2026-01-01").then().statusCode(400).body("errors[0].field", equalTo("from"));
        asOperator().when().get(STATS + "?from=2026-13-01").then().statusCode(400);
        asOperator().when().get(STATS + "?from=1990-01-01&to=1990-01-31").then().statusCode(200).body("totals.demands", equalTo(0))
                .body("totals.creditShare", org.hamcrest.Matchers.nullValue()).body("medianDaysToLoan", org.hamcrest.Matchers.nullValue())
                .body("byBank", equalTo(List.of()));
        as(fixtures.bank().key()).when().get(STATS).then().statusCode(403);
        as(fixtures.enterprise().key()).when().get(STATS).then().statusCode(403);
        as(fixtures.consumer(ConsumerType.APP).key()).when().get(STATS).then().statusCode(403);
    }

    private static Map<String, Object> subset(Map<String, Object> figures, String... keys) {
        java.util.Map<String, Object> picked = new java.util.HashMap<>();
        for (String key : keys) {
            picked.put(key, figures.get(key));
        }
        return picked;
    }
}
