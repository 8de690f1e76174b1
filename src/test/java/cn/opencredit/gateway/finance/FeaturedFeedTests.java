package cn.opencredit.gateway.finance;

import static cn.opencredit.gateway.finance.MarketFixtures.as;
import static cn.opencredit.gateway.finance.MarketFixtures.asOperator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.opencredit.gateway.access.ConsumerType;

/** The featured feed: opting in and out shows and hides an enterprise at once, and only a required grade puts it there. */
@QuarkusTest
class FeaturedFeedTests {

    private static final String FEED = "/api/v1/finance/featured";

    private final MarketFixtures fixtures;
    private static MarketFixtures.Party bank;

    FeaturedFeedTests(MarketFixtures fixtures) {
        this.fixtures = fixtures;
    }

    @BeforeEach
    void ready() {
        if (bank == null) {
            bank = fixtures.bank();
        }
    }

    private static List<String> feed(String query) {
        return as(bank.key()).when().get(FEED + query).then().statusCode(200).extract().jsonPath().getList("items.uscc");
    }

    @Test
    void shouldShowAnOptedInEnterpriseOfGradeAAtOnceAndHideItAtOnceWhenItOptsOut() {
        MarketFixtures.Enterprise e = fixtures.enterprise();
        fixtures.grade(e, "C", "A", 931);
        assertEquals(List.of(), feed("?industry=C&region=659001").stream().filter(e.uscc()::equals).toList(), "not opted in yet");

        as(e.key()).when().put(FEED + "/{uscc}", e.uscc()).then().statusCode(200)
                .body("optedIn", equalTo(true)).body("listed", equalTo(true)).body("requiredGrades", equalTo(List.of("A")))
                .body("optedInAt", notNullValue());
        JsonPath page = as(bank.key()).when().get(FEED + "?industry=c&region=6590").then().statusCode(200).extract().jsonPath();
        int at = page.getList("items.uscc").indexOf(e.uscc());
        assertEquals("A", page.getString("items[" + at + "].grade"));
        assertEquals("优", page.getString("items[" + at + "].gradeZh"));
        assertEquals(931, page.getInt("items[" + at + "].score"));
        assertEquals("C", page.getString("items[" + at + "].industrySection"));
        assertEquals("659001", page.getString("items[" + at + "].regionCode"));
        String optedInAt = page.getString("items[" + at + "].optedInAt");

        // Opting in again changes nothing, not even the day it opted in.
        as(e.key()).when().put(FEED + "/{uscc}", e.uscc()).then().statusCode(200).body("optedInAt", equalTo(optedInAt));
        assertEquals(1, fixtures.count("SELECT count(*) FROM workflow_event WHERE workflow = 'FINANCE_FEATURED' AND subject_id = ?", e.id()));

        as(e.key()).when().delete(FEED + "/{uscc}", e.uscc()).then().statusCode(204);
        assertEquals(false, feed("?industry=C").contains(e.uscc()), "gone from the next read");
        as(e.key()).when().delete(FEED + "/{uscc}", e.uscc()).then().statusCode(204);

        as(e.key()).when().put(FEED + "/{uscc}", e.uscc()).then().statusCode(200);
        assertEquals(true, feed("?industry=C").contains(e.uscc()));
        as(e.key()).when().get("/api/v1/subjects/{uscc}/timeline", e.uscc()).then().statusCode(200)
                .body("items.transition", equalTo(List.of("opted-in", "opted-out", "opted-in")))
                .body("items[0].workflow", equalTo("finance-featured"));
    }

    @Test
    void shouldListOnlyTheRequiredGradeOfActiveEnterprises() {
        MarketFixtures.Enterprise good = fixtures.enterprise();
        fixtures.grade(good, "D", "B", 780);
        as(good.key()).when().put(FEED + "/{uscc}", good.uscc()).then().statusCode(200).body("listed", equalTo(false));
        assertEquals(false, feed("?industry=D").contains(good.uscc()), "良 is not featured unless configured");

        fixtures.execute("UPDATE evaluation SET grade = 'A', score = 905, supervision_class = 'TRUSTED' WHERE subject_id = ?", good.id());
        assertEquals(true, feed("?industry=D").contains(good.uscc()), "the grade is read at each request");

        fixtures.execute("UPDATE evaluation SET grade = 'C', score = 640, supervision_class = 'FOCUSED' WHERE subject_id = ?", good.id());
        assertEquals(false, feed("?industry=D").contains(good.uscc()), "a grade that drops takes it out at once");
    }

    @Test
    void shouldPageByUsccWithTheFilters() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MarketFixtures.Enterprise e = fixtures.enterprise();
            fixtures.grade(e, "Q", "A", 900 + i);
            as(e.key()).when().put(FEED + "/{uscc}", e.uscc()).then().statusCode(200);
            expected.add(e.uscc());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = as(bank.key()).queryParam("industry", "Q").queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                    .when().get(FEED).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.uscc"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(expected.stream().sorted().toList(), seen.stream().filter(expected::contains).toList());
        assertEquals(seen.stream().sorted().toList(), seen, "in USCC order");
        assertEquals(List.of(), feed("?industry=Q&region=11"), "another region");

        String page1Cursor = as(bank.key()).when().get(FEED + "?industry=Q&limit=1").then().statusCode(200).extract().path("nextCursor");
        as(bank.key()).when().get(FEED + "?industry=G&cursor=" + page1Cursor).then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void shouldRefuseBadFiltersAndCallersWhoAreNotBanks() {
        as(bank.key()).when().get(FEED + "?region=65x").then().statusCode(400).body("errors[0].field", equalTo("region"));
        as(bank.key()).when().get(FEED + "?industry=Z").then().statusCode(400).body("errors[0].field", equalTo("industry"));
        as(bank.key()).when().get(FEED + "?limit=0").then().statusCode(400);
        as(fixtures.consumer(ConsumerType.APP).key()).when().get(FEED).then().statusCode(403);
        as(fixtures.consumer(ConsumerType.CREDIT_AGENCY).key()).when().get(FEED).then().statusCode(403);
        asOperator().when().get(FEED).then().statusCode(200);
        MarketFixtures.Enterprise e = fixtures.enterprise();
        as(e.key()).when().get(FEED).then().statusCode(403);
    }

    @Test
    void shouldLetOnlyTheEnterpriseOrAnOperatorOptIn() {
        MarketFixtures.Enterprise e = fixtures.enterprise();
        MarketFixtures.Enterprise other = fixtures.enterprise();
        as(other.key()).when().put(FEED + "/{uscc}", e.uscc()).then().statusCode(403).body("detail", org.hamcrest.Matchers.containsString(
                "for itself only"));
        as(other.key()).when().delete(FEED + "/{uscc}", e.uscc()).then().statusCode(403);
        as(bank.key()).when().put(FEED + "/{uscc}", e.uscc()).then().statusCode(403);
        as(e.key()).when().put(FEED + "/{uscc}", "91659001MA0000000X").then().statusCode(400);
        assertEquals(0, fixtures.count("SELECT count(*) FROM finance_featured WHERE subject_id = ?", e.id()));

        asOperator().when().put(FEED + "/{uscc}", e.uscc()).then().statusCode(200).body("optedIn", equalTo(true));
        as(e.key()).when().get("/api/v1/subjects/{uscc}/timeline", e.uscc()).then().statusCode(200)
                .body("items[0].actor", equalTo("operator")).body("items[0].reason", nullValue());
        assertEquals(1, fixtures.count("SELECT count(*) FROM finance_featured WHERE subject_id = ? AND opted_out_at IS NULL", e.id()));
        org.hamcrest.MatcherAssert.assertThat(feed(""), not(hasItem(other.uscc())));
    }
}
