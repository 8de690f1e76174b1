package cn.opencredit.gateway.shared.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTests {

    /** The management interface's {@code /q/}, with its trailing slash. */
    @TestHTTPResource(value = "", management = true)
    URL management;

    @Test
    void shouldBeLive() {
        given().when().get(management + "health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldBeReadyWithPostgresqlAndReportRedis() {
        given().when().get(management + "health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("redis"))
                .body("checks.find { it.name == 'redis' }.data.redis", equalTo("up"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL")));
    }

    @Test
    void shouldExposePrometheusMetrics() {
        given().when().get("/api/v1/subjects?limit=1").then().statusCode(200);
        given().when().get(management + "metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/v1/subjects\""));
    }

    @Test
    void shouldNotServeHealthNorMetricsOnTheApiPort() {
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
    }
}
