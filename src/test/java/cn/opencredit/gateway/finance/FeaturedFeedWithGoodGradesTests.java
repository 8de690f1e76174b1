package cn.opencredit.gateway.finance;

import static cn.opencredit.gateway.finance.MarketFixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Where the platform pushes 良 enterprises too (featured-grades A,B): B is featured, C never. */
@QuarkusTest
@TestProfile(FeaturedFeedWithGoodGradesTests.GoodGrades.class)
class FeaturedFeedWithGoodGradesTests {

    public static class GoodGrades implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opencredit.finance.market.featured-grades", "A,B");
        }
    }

    private static final String FEED = "/api/v1/finance/featured";

    private final MarketFixtures fixtures;

    FeaturedFeedWithGoodGradesTests(MarketFixtures fixtures) {
        this.fixtures = fixtures;
    }

    @Test
    void shouldFeatureGoodAsWellAsExcellentEnterprisesButNoOthers() {
        MarketFixtures.Party bank = fixtures.bank();
        MarketFixtures.Enterprise good = fixtures.enterprise();
        MarketFixtures.Enterprise fair = fixtures.enterprise();
        fixtures.grade(good, "K", "B", 812);
        fixtures.grade(fair, "K", "C", 655);
        as(good.key()).when().put(FEED + "/{uscc}", good.uscc()).then().statusCode(200).body("listed", equalTo(true))
                .body("requiredGrades", equalTo(List.of("A", "B")));
        as(fair.key()).when().put(FEED + "/{uscc}", fair.uscc()).then().statusCode(200).body("listed", equalTo(false));

        List<String> feed = as(bank.key()).when().get(FEED + "?industry=K").then().statusCode(200).extract().jsonPath().getList("items.uscc");
        assertEquals(true, feed.contains(good.uscc()));
        assertEquals(false, feed.contains(fair.uscc()));
        as(bank.key()).when().get(FEED + "?industry=K").then().body("items.find { it.uscc == '" + good.uscc() + "' }.gradeZh", equalTo("良"));
    }
}
