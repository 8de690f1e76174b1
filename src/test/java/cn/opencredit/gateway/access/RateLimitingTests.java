package cn.opencredit.gateway.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import cn.opencredit.gateway.subject.SubjectFixtures;

/** Plans as callers see them: headers on every answer, 429 with Retry-After past the limit. */
@QuarkusTest
class RateLimitingTests {

    private static final String PROFILE = "/api/v1/subjects/" + SubjectFixtures.BARE;

    private final SubjectFixtures subjects;

    RateLimitingTests(SubjectFixtures subjects) {
        this.subjects = subjects;
    }

    @BeforeEach
    void fixtures() {
        subjects.ensureLoaded();
    }

    @Test
    void shouldRefuseBeyondBurstWithRetryAfterAndHeaders() {
        String key = AccessFixtures.issueKey(AccessFixtures.createConsumer("tiny app", ConsumerType.APP, null, null, "tiny"));
        given().header("Authorization", AccessFixtures.bearer(key)).when().get(PROFILE).then().statusCode(200)
                .header("RateLimit-Policy", equalTo("\"burst\";q=2;w=200, \"day\";q=1000;w=86400"))
                .header("RateLimit", matchesPattern("\"burst\";r=1;t=\\d+, \"day\";r=999;t=\\d+"));
        given().header("Authorization", AccessFixtures.bearer(key)).when().get(PROFILE).then().statusCode(200)
                .header("RateLimit", matchesPattern("\"burst\";r=0;t=\\d+, \"day\";r=998;t=\\d+"));
        given().header("Authorization", AccessFixtures.bearer(key)).when().get(PROFILE).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9]\\d*"))
                .header("RateLimit", matchesPattern("\"burst\";r=0;t=\\d+, \"day\";r=998;t=\\d+"))
                .body("type", equalTo("https://api.opencredit.cn/problems/rate-limited"))
                .body("detail", containsString("Burst"));
    }

    @Test
    void shouldRefuseWhenDailyQuotaIsUsedUp() {
        String key = AccessFixtures.issueKey(AccessFixtures.createConsumer("daily app", ConsumerType.APP, null, null, "daily3"));
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", AccessFixtures.bearer(key)).when().get(PROFILE).then().statusCode(200);
        }
        given().header("Authorization", AccessFixtures.bearer(key)).when().get(PROFILE).then().statusCode(429)
                .header("Retry-After", matchesPattern("[1-9]\\d*"))
                .body("detail", containsString("Daily quota"));
    }

    @Test
    void shouldLimitAnonymousCallersUnderTheirOwnPlan() {
        given().when().get(PROFILE).then().statusCode(200)
                .header("RateLimit-Policy", containsString("\"day\";q=100000000"));
    }

    @Test
    void shouldNotCountCallsWithUnknownKeys() {
        given().header("Authorization", "Bearer ocg_neverIssuedneverIssuedneverIssued").when().get(PROFILE).then().statusCode(401)
                .header("RateLimit", nullValue());
    }
}
