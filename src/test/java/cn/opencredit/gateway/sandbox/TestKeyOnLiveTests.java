package cn.opencredit.gateway.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;

/** The live platform (the normal test profile) knows nothing of test keys and has no sandbox operations. */
@QuarkusTest
class TestKeyOnLiveTests {

    @Test
    void shouldRefuseATestKeyNamingTheSandbox() {
        given().header("Authorization", "Bearer ocg_test_Xk3v9QaZr0s8F1nB2yT7uVwLq4eMhJcD")
                .when().get("/api/v1/subjects?q=公司")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("OpenCredit-Environment", nullValue())
                .body("type", equalTo("https://api.opencredit.cn/problems/test-key-on-live"))
                .body("detail", containsString("https://sandbox.api.opencredit.cn"));
    }

    @Test
    void shouldIssueLiveKeys() {
        String key = AccessFixtures.issueKey(AccessFixtures.createConsumer("live bank", ConsumerType.BANK, null, null, "standard"));
        org.junit.jupiter.api.Assertions.assertTrue(key.startsWith("ocg_") && !key.startsWith("ocg_test_"), "a live key");
    }

    @Test
    void shouldAnswerTheSandboxOperationsWithNotFound() {
        given().contentType(ContentType.JSON).body(Map.of("name", "测试银行", "type", "bank"))
                .when().post("/api/v1/sandbox/consumers")
                .then().statusCode(404)
                .body("detail", containsString("https://sandbox.api.opencredit.cn"));
        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY))
                .when().post("/api/v1/admin/sandbox/reset")
                .then().statusCode(404);
    }
}
