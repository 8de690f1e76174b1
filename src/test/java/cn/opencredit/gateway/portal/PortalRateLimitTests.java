package cn.opencredit.gateway.portal;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** The portal's pages are counted by the API's limiter against the anonymous plan, and its refusal is a page too. */
@QuarkusTest
@TestProfile(PortalRateLimitTests.SmallAnonymousPlan.class)
class PortalRateLimitTests {

    public static class SmallAnonymousPlan implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "opencredit.plans.anonymous.rate-per-second", "0.01",
                    "opencredit.plans.anonymous.burst", "3",
                    "opencredit.plans.anonymous.daily-quota", "1000",
                    "opencredit.security.trusted-proxies", "127.0.0.1,::1");
        }
    }

    @Test
    void aBrowserOverTheAnonymousPlanGetsA429PageInChinese() {
        // An address of its own: the tiny plan's debt stays with it, not with the address other tests call from.
        String address = freshAddress();
        Response refused = null;
        for (int call = 0; call < 5 && refused == null; call++) {
            Response answer = given().header("X-Forwarded-For", address).accept("text/html").get("/");
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                assertEquals(200, answer.statusCode());
            }
        }
        assertNotNull(refused, "the fourth page at the latest exceeds a burst of 3");
        assertTrue(refused.contentType().startsWith("text/html"), "a page, not a problem: " + refused.contentType());
        assertTrue(refused.asString().contains("<title>访问过于频繁 - 公共信用信息平台</title>"), refused.asString());
        assertNotNull(refused.header("Retry-After"));
        assertEquals("no-store", refused.header("Cache-Control"));
        // The API's anonymous calls share the budget: the same client is refused there as well.
        given().header("X-Forwarded-For", address).get("/api/v1/subjects?q=x").then().statusCode(429);
    }

    /** An address in the IPv6 documentation range (RFC 3849), in a /64 of its own, as clients are counted by theirs. */
    private static String freshAddress() {
        long random = UUID.randomUUID().getLeastSignificantBits();
        return "2001:db8:%x:%x::1".formatted((random >>> 16) & 0xFFFF, random & 0xFFFF);
    }
}
