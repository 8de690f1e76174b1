package cn.opencredit.gateway.shared.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * An address may cause three failed authentications, then one every 100 s. Each test comes from
 * an address of its own (this profile trusts 127.0.0.1 as a proxy), so that neither the other
 * tests nor earlier runs against the same Redis use up its budget.
 */
@QuarkusTest
@TestProfile(FailedAuthenticationLimitTests.SmallBudget.class)
class FailedAuthenticationLimitTests {

    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "opencredit.ratelimit.failed-authentication.rate-per-second", "0.01",
                    "opencredit.ratelimit.failed-authentication.burst", "3",
                    "opencredit.ratelimit.failed-authentication.daily-quota", "1000",
                    "opencredit.security.trusted-proxies", "127.0.0.1,::1");
        }
    }

    private static final String RECORDS = "/api/v1/subjects/{uscc}/records";
    private static final String PROFILE = "/api/v1/subjects/{uscc}";
    private static final String UNKNOWN_KEY = "Bearer not-a-key-this-gateway-issued-0000000000";

    private final AccessFixtures access;
    private final SubjectFixtures subjects;

    FailedAuthenticationLimitTests(AccessFixtures access, SubjectFixtures subjects) {
        this.access = access;
        this.subjects = subjects;
    }

    @BeforeEach
    void subjects() {
        subjects.ensureLoaded();
    }

    @Test
    void shouldRefuseAnAddressThatKeepsFailingWith429AndRetryAfter() {
        String address = freshAddress();
        for (int i = 0; i < 3; i++) {
            from(address).header("Authorization", UNKNOWN_KEY).when().get(RECORDS, SubjectFixtures.RICH)
                    .then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"))
                    .header("RateLimit", nullValue());
        }

        String retryAfter = from(address).header("Authorization", UNKNOWN_KEY).when().get(RECORDS, SubjectFixtures.RICH)
                .then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://api.opencredit.cn/problems/rate-limited"))
                .body("detail", containsString("Too many failed authentications from this address: at most 3 at once, then 0.01 per second"))
                // The budget is the address's, not a plan the caller holds.
                .header("RateLimit", nullValue()).header("RateLimit-Policy", nullValue())
                .extract().header("Retry-After");
        // One failure is earned back every 100 s.
        assertTrue(Integer.parseInt(retryAfter) > 90 && Integer.parseInt(retryAfter) <= 100, "Retry-After " + retryAfter);
    }

    @Test
    void shouldRefuseAKeyNotSeenLatelyFromAnAddressPastItsBudgetBeforeLookingItUp() {
        String address = freshAddress();
        refuse(address);

        // A good key this replica has not served lately cannot be told from a guess without the lookup.
        String unseen = AccessFixtures.bearer(AccessFixtures.issueKey(access.id(ConsumerType.BANK)));
        from(address).header("Authorization", unseen).when().get(RECORDS, SubjectFixtures.RICH)
                .then().statusCode(429).body("detail", containsString("failed authentications"));
    }

    @Test
    void shouldServeAConsumerServedLatelyThoughOthersAtItsAddressWentPastTheBudget() {
        String address = freshAddress();
        String served = AccessFixtures.bearer(AccessFixtures.issueKey(access.id(ConsumerType.BANK)));
        from(freshAddress()).header("Authorization", served).when().get(RECORDS, SubjectFixtures.RICH).then().statusCode(200);

        refuse(address);

        from(address).header("Authorization", served).when().get(RECORDS, SubjectFixtures.RICH).then().statusCode(200);
        from(address).header("Authorization", UNKNOWN_KEY).when().get(RECORDS, SubjectFixtures.RICH).then().statusCode(429);
    }

    /** The limiter forgets callers a second after their last counted call; one refused in memory must not be forgotten with them. */
    @Test
    void shouldKeepTurningAnAddressAwayWhileItsRefusalStandsThoughItsCallsAreNotCounted() throws InterruptedException {
        String address = freshAddress();
        refuse(address);

        Thread.sleep(2_500);

        String unseen = AccessFixtures.bearer(AccessFixtures.issueKey(access.id(ConsumerType.BANK)));
        from(address).header("Authorization", unseen).when().get(RECORDS, SubjectFixtures.RICH)
                .then().statusCode(429).body("detail", containsString("failed authentications"));
    }

    @Test
    void shouldCountMalformedAuthorizationHeadersAsFailures() {
        String address = freshAddress();
        // A bare "Bearer" (the parser strips a trailing space) is a scheme without a key.
        String[] malformed = {"Basic dXNlcjpwYXNz", "Bearer", "Bearer " + "k".repeat(300)};
        for (String authorization : malformed) {
            from(address).header("Authorization", authorization).when().get(RECORDS, SubjectFixtures.RICH).then().statusCode(401);
        }
        from(address).header("Authorization", UNKNOWN_KEY).when().get(RECORDS, SubjectFixtures.RICH).then().statusCode(429);
    }

    @Test
    void shouldNotCountGoodKeysNorTouchOtherAddressesNorAnonymousReads() {
        String address = freshAddress();
        String good = AccessFixtures.bearer(access.key(ConsumerType.BANK));
        for (int i = 0; i < 10; i++) {
            from(address).header("Authorization", good).when().get(RECORDS, SubjectFixtures.RICH).then().statusCode(200);
        }
        from(address).header("Authorization", UNKNOWN_KEY).when().get(RECORDS, SubjectFixtures.RICH).then().statusCode(401);

        String blocked = freshAddress();
        refuse(blocked);
        from(blocked).header("Authorization", UNKNOWN_KEY).when().get(RECORDS, SubjectFixtures.RICH).then().statusCode(429);
        // Without a key the address is an anonymous caller like any other, limited by the anonymous plan.
        from(blocked).when().get(PROFILE, SubjectFixtures.RICH).then().statusCode(200);
        from(freshAddress()).header("Authorization", UNKNOWN_KEY).when().get(RECORDS, SubjectFixtures.RICH).then().statusCode(401);
    }

    /** A proxy that adds its own field line instead of extending the client's: the lines are one list, and the client's is the last. */
    @Test
    void shouldReadEveryFieldLineOfXForwardedFor() {
        String address = freshAddress();
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", freshAddress()).header("X-Forwarded-For", address)
                    .header("Authorization", UNKNOWN_KEY).when().get(RECORDS, SubjectFixtures.RICH).then().statusCode(401);
        }
        from(address).header("Authorization", UNKNOWN_KEY).when().get(RECORDS, SubjectFixtures.RICH).then().statusCode(429);
    }

    /** Three failures use the budget up; the fourth is refused, and the refusal is remembered. */
    private static void refuse(String address) {
        for (int i = 0; i < 3; i++) {
            from(address).header("Authorization", UNKNOWN_KEY).when().get(RECORDS, SubjectFixtures.RICH).then().statusCode(401);
        }
        from(address).header("Authorization", UNKNOWN_KEY).when().get(RECORDS, SubjectFixtures.RICH).then().statusCode(429);
    }

    /** An address in the IPv6 documentation range (RFC 3849), in a /64 of its own, as clients are counted by theirs. */
    private static String freshAddress() {
        long random = UUID.randomUUID().getLeastSignificantBits();
        return "2001:db8:%x:%x::1".formatted((random >>> 16) & 0xFFFF, random & 0xFFFF);
    }

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }
}
