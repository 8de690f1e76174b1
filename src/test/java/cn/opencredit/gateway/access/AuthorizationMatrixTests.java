package cn.opencredit.gateway.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.subject.SubjectFixtures;

/** Every endpoint × every kind of caller → the status it must get. */
@QuarkusTest
class AuthorizationMatrixTests {

    private static final String ANONYMOUS = "anonymous";
    private static final String UNKNOWN_KEY = "unknown-key";

    private final AccessFixtures access;
    private final SubjectFixtures subjects;

    AuthorizationMatrixTests(AccessFixtures access, SubjectFixtures subjects) {
        this.access = access;
        this.subjects = subjects;
    }

    @BeforeEach
    void fixtures() {
        subjects.ensureLoaded();
    }

    record Endpoint(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final Endpoint PROFILE = new Endpoint("GET", "/api/v1/subjects/" + SubjectFixtures.RICH, null);
    static final Endpoint SEARCH = new Endpoint("GET", "/api/v1/subjects?limit=1", null);
    static final Endpoint RECORDS = new Endpoint("GET", "/api/v1/subjects/" + SubjectFixtures.RICH + "/records?limit=1", null);
    static final Endpoint OWN_ACCESS_LOG = new Endpoint("GET", "/api/v1/subjects/" + SubjectFixtures.RICH + "/access-log?limit=1", null);
    static final Endpoint OTHER_ACCESS_LOG = new Endpoint("GET", "/api/v1/subjects/" + SubjectFixtures.BARE + "/access-log?limit=1", null);
    static final Endpoint LIST_CONSUMERS = new Endpoint("GET", "/api/v1/admin/consumers?limit=1", null);
    static final Endpoint CREATE_CONSUMER = new Endpoint("POST", "/api/v1/admin/consumers", "{\"name\":\"matrix app\",\"type\":\"app\"}");

    /** Caller columns: anonymous, unknown key, then the consumer types in declaration order. */
    static Stream<Arguments> matrix() {
        Map<Endpoint, int[]> expected = new java.util.LinkedHashMap<>();
        //                                 anon unkn  OPER DEPT BANK AGCY APP  SUBJ
        expected.put(PROFILE, new int[] {200, 401, 200, 200, 200, 200, 200, 200});
        expected.put(SEARCH, new int[] {200, 401, 200, 200, 200, 200, 200, 200});
        expected.put(RECORDS, new int[] {401, 401, 200, 200, 200, 200, 200, 200});
        expected.put(OWN_ACCESS_LOG, new int[] {401, 401, 200, 403, 403, 403, 403, 200});
        expected.put(OTHER_ACCESS_LOG, new int[] {401, 401, 200, 403, 403, 403, 403, 403});
        expected.put(LIST_CONSUMERS, new int[] {401, 401, 200, 403, 403, 403, 403, 403});
        expected.put(CREATE_CONSUMER, new int[] {401, 401, 201, 403, 403, 403, 403, 403});
        List<String> callers = new ArrayList<>(List.of(ANONYMOUS, UNKNOWN_KEY));
        for (ConsumerType type : ConsumerType.values()) {
            callers.add(type.name());
        }
        List<Arguments> cases = new ArrayList<>();
        expected.forEach((endpoint, statuses) -> {
            for (int i = 0; i < callers.size(); i++) {
                cases.add(Arguments.of(endpoint, callers.get(i), statuses[i]));
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void shouldAnswerTheStatusOfTheMatrix(Endpoint endpoint, String caller, int status) {
        RequestSpecification request = given();
        if (UNKNOWN_KEY.equals(caller)) {
            request.header("Authorization", AccessFixtures.bearer("ocg_thisKeyWasNeverIssuedByTheGateway0"));
        } else if (!ANONYMOUS.equals(caller)) {
            request.header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.valueOf(caller))));
        }
        if (endpoint.body() != null) {
            request.contentType(ContentType.JSON).body(endpoint.body());
        }
        var response = request.when().request(endpoint.method(), endpoint.path()).then().statusCode(status);
        if (status == 401) {
            response.contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo("Bearer realm=\"opencredit-gateway\""))
                    .body("type", equalTo("https://api.opencredit.cn/problems/unauthenticated"));
        } else if (status == 403) {
            response.contentType("application/problem+json").body("type", equalTo("https://api.opencredit.cn/problems/forbidden"));
        }
    }
}
