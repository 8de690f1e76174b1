package cn.opencredit.gateway.shared.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.net.URL;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A request turned away by authentication is still tagged with its URI template in the HTTP metrics,
 * now that the template is worked out only on that path ({@link DeferredTemplatePath}), and it is
 * still answered by the gateway's problem mapping; a request that gets through keeps its template too.
 */
@QuarkusTest
class DeferredTemplatePathTests {

    /** Not one of quarkus.micrometer.binder.http-server.match-patterns, so only the template can name it. */
    private static final String EVALUATION = "/api/v1/subjects/914403001922038216/evaluation";

    @TestHTTPResource(value = "", management = true)
    URL management;

    @Test
    void shouldTagARefusedRequestWithItsTemplateAndAnswerAProblem() {
        given().header("Authorization", "Bearer ocg_deferred_template_path_unknown_key_0001")
                .when().get(EVALUATION)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("https://api.opencredit.cn/problems/unauthenticated"));

        given().when().get(management + "metrics").then().statusCode(200)
                .body(matchesPattern(Pattern.compile(
                        ".*http_server_requests_seconds_count\\{[^}]*status=\"401\"[^}]*uri=\"/api/v1/subjects/\\{uscc}/evaluation\"[^}]*}.*",
                        Pattern.DOTALL)))
                .body(containsString("uri=\"/api/v1/subjects/{uscc}/evaluation\""));
    }

    @Test
    void shouldKeepTheTemplateOfARequestThatGetsThrough() {
        int status = given().when().get(EVALUATION).then().extract().statusCode();
        given().when().get(management + "metrics").then().statusCode(200)
                .body(matchesPattern(Pattern.compile(".*http_server_requests_seconds_count\\{[^}]*status=\"" + status
                        + "\"[^}]*uri=\"/api/v1/subjects/\\{uscc}/evaluation\"[^}]*}.*", Pattern.DOTALL)));
    }
}
