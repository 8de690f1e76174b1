package cn.opencredit.gateway.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.testing.HeldLock;

@QuarkusTest
class ConsumerResourceTests {

    private static final String PROBLEM = "application/problem+json";
    private static final String PUBLIC_READ_PROBE = "/api/v1/subjects/" + SubjectFixtures.RICH + "/records?limit=1";

    private final AgroalDataSource dataSource;
    private final SubjectFixtures subjects;

    ConsumerResourceTests(AgroalDataSource dataSource, SubjectFixtures subjects) {
        this.dataSource = dataSource;
        this.subjects = subjects;
    }

    private static RequestSpecification operator() {
        return given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).contentType(ContentType.JSON);
    }

    private static RequestSpecification with(String key) {
        return given().header("Authorization", AccessFixtures.bearer(key));
    }

    @Test
    void shouldCreateConsumerWithTypeDefaultsAndLocation() {
        operator().body("{\"name\":\" 中国工商银行滑县支行 \",\"type\":\"bank\"}")
                .when().post("/api/v1/admin/consumers")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/admin/consumers/[0-9a-f-]{36}"))
                .body("name", equalTo("中国工商银行滑县支行"))
                .body("type", equalTo("bank"))
                .body("scopes", containsInAnyOrder("public:read", "authorised:read", "finance:read"))
                .body("plan", equalTo("standard"))
                .body("status", equalTo("active"))
                .body("createdAt", org.hamcrest.Matchers.endsWith("+08:00"))
                .body("keys", hasSize(0));
    }

    @Test
    void shouldShowKeyOnceAndStoreOnlyItsHash() throws SQLException {
        String id = AccessFixtures.createConsumer("secret check", ConsumerType.APP, null, null, null);
        var issued = operator().body("{}").when().post("/api/v1/admin/consumers/{id}/keys", id)
                .then().statusCode(201).extract();
        String key = issued.path("key");
        org.hamcrest.MatcherAssert.assertThat(issued.header("Location"), endsWith("/api/v1/admin/consumers/" + id));
        org.hamcrest.MatcherAssert.assertThat(key, matchesPattern("ocg_[A-Za-z0-9_-]{32}"));
        operator().when().get("/api/v1/admin/consumers/{id}", id)
                .then().statusCode(200)
                .body("createdAt", org.hamcrest.Matchers.endsWith("+08:00"))
                .body("keys[0].prefix", equalTo(key.substring(0, 12)))
                .body("keys[0].usable", equalTo(true))
                .body(not(containsString(key)))
                .body(not(containsString("hash")));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT prefix, key_hash FROM access_key WHERE consumer_id = ?::uuid")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                assertEquals(key.substring(0, 12), rows.getString(1));
                assertEquals(32, rows.getBytes(2).length);
                org.junit.jupiter.api.Assertions.assertArrayEquals(ApiKeys.hash(key), rows.getBytes(2));
            }
        }
    }

    @Test
    void shouldKeepOldKeyWorkingWhileRotatingAndStopRevokedKeyWithinASecond() throws InterruptedException {
        subjects.ensureLoaded();
        String id = AccessFixtures.createConsumer("rotating bank", ConsumerType.BANK, null, null, null);
        String oldKey = AccessFixtures.issueKey(id);
        with(oldKey).when().get(PUBLIC_READ_PROBE).then().statusCode(200);
        String newKey = AccessFixtures.issueKey(id);
        with(oldKey).when().get(PUBLIC_READ_PROBE).then().statusCode(200);
        with(newKey).when().get(PUBLIC_READ_PROBE).then().statusCode(200);
        String oldKeyId = operator().when().get("/api/v1/admin/consumers/{id}", id).then().statusCode(200).extract().path("keys[0].id");
        operator().when().delete("/api/v1/admin/consumers/{id}/keys/{keyId}", id, oldKeyId).then().statusCode(204);
        operator().when().delete("/api/v1/admin/consumers/{id}/keys/{keyId}", id, oldKeyId).then().statusCode(204);
        Thread.sleep(1_100);
        with(oldKey).when().get(PUBLIC_READ_PROBE).then().statusCode(401).contentType(PROBLEM);
        with(newKey).when().get(PUBLIC_READ_PROBE).then().statusCode(200);
        operator().when().get("/api/v1/admin/consumers/{id}", id).then()
                .body("keys.find { it.id == '" + oldKeyId + "' }.usable", equalTo(false))
                .body("keys.find { it.id == '" + oldKeyId + "' }.revokedAt", not(nullValue()));
    }

    @Test
    void shouldRefuseExpiredKey() throws InterruptedException {
        subjects.ensureLoaded();
        String id = AccessFixtures.createConsumer("expiring app", ConsumerType.APP, null, null, null);
        String expiresAt = OffsetDateTime.now().plusSeconds(2).toString();
        String key = operator().body("{\"expiresAt\":\"" + expiresAt + "\"}").when().post("/api/v1/admin/consumers/{id}/keys", id)
                .then().statusCode(201).extract().path("key");
        with(key).when().get(PUBLIC_READ_PROBE).then().statusCode(200);
        Thread.sleep(3_200);
        with(key).when().get(PUBLIC_READ_PROBE).then().statusCode(401);
    }

    @Test
    void shouldStopAllKeysWhenConsumerIsSuspendedAndApplyScopeChanges() throws InterruptedException {
        subjects.ensureLoaded();
        String id = AccessFixtures.createConsumer("suspended app", ConsumerType.APP, null, null, null);
        String key = AccessFixtures.issueKey(id);
        with(key).when().get(PUBLIC_READ_PROBE).then().statusCode(200);
        operator().body("{\"scopes\":[\"self:read\"]}").when().patch("/api/v1/admin/consumers/{id}", id)
                .then().statusCode(200).body("scopes", containsInAnyOrder("self:read"));
        Thread.sleep(1_100);
        with(key).when().get(PUBLIC_READ_PROBE).then().statusCode(403);
        operator().body("{\"status\":\"suspended\",\"scopes\":[\"public:read\"]}").when().patch("/api/v1/admin/consumers/{id}", id)
                .then().statusCode(200).body("status", equalTo("suspended"));
        Thread.sleep(1_100);
        with(key).when().get(PUBLIC_READ_PROBE).then().statusCode(401);
    }

    /**
     * Two operators change one consumer at once: both have read it before either writes (its row is
     * held until both wait to write it). The later write finds another version than it read and is
     * refused with 409; only the earlier change is stored.
     */
    @Test
    void shouldRefuseTheLaterOfTwoConcurrentChangesWith409() throws Exception {
        String id = AccessFixtures.createConsumer("并发修改 app", ConsumerType.APP, null, null, "standard");
        List<Response> answers;
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Response>> changes = new ArrayList<>();
            try (HeldLock row = HeldLock.take(dataSource, "SELECT 1 FROM access_consumer WHERE id = ? FOR UPDATE", UUID.fromString(id))) {
                for (String plan : List.of("premium", "internal")) {
                    changes.add(CompletableFuture.supplyAsync(() -> operator().body("{\"plan\":\"" + plan + "\"}")
                            .when().patch("/api/v1/admin/consumers/{id}", id), callers));
                }
                row.awaitWaiters(2, changes);
            }
            answers = changes.stream().map(CompletableFuture::join).toList();
        }

        assertEquals(List.of(200, 409), answers.stream().map(Response::statusCode).sorted().toList());
        answers.stream().filter(answer -> answer.statusCode() == 409).findFirst().orElseThrow().then()
                .contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/conflict"))
                .body("detail", equalTo("The resource was changed concurrently; read it again and retry"));
        String stored = answers.stream().filter(answer -> answer.statusCode() == 200).findFirst().orElseThrow().path("plan");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT plan, version FROM access_consumer WHERE id = ?")) {
            select.setObject(1, UUID.fromString(id));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                assertEquals(stored, row.getString("plan"));
                assertEquals(1, row.getInt("version"), "one change landed");
            }
        }
        operator().when().get("/api/v1/admin/consumers/{id}", id).then().statusCode(200).body("plan", equalTo(stored));
    }

    @Test
    void shouldBindSubjectConsumerToValidUscc() {
        operator().body("{\"name\":\"self\",\"type\":\"subject\",\"boundUscc\":\"" + SubjectFixtures.BARE.toLowerCase() + "\"}")
                .when().post("/api/v1/admin/consumers")
                .then().statusCode(201).body("boundUscc", equalTo(SubjectFixtures.BARE))
                .body("scopes", containsInAnyOrder("public:read", "self:read"));
    }

    @Test
    void shouldBindDepartmentConsumerOnlyWhenAsked() throws SQLException {
        String bound = operator().body("{\"name\":\"bound department\",\"type\":\"department\",\"boundUscc\":\""
                        + SubjectFixtures.DEPARTMENT_USCC + "\"}")
                .when().post("/api/v1/admin/consumers")
                .then().statusCode(201).body("boundUscc", equalTo(SubjectFixtures.DEPARTMENT_USCC))
                .body("scopes", containsInAnyOrder("public:read", "ingest:write", "lists:write", "incentive:read", "persons:read"))
                .extract().path("id");
        operator().body("{\"name\":\"unbound department\",\"type\":\"department\"}")
                .when().post("/api/v1/admin/consumers")
                .then().statusCode(400).body("errors[0].field", equalTo("boundUscc")).body("errors[0].code", equalTo("required"));
        String reader = operator().body("{\"name\":\"unbound department\",\"type\":\"department\",\"scopes\":[\"public:read\"]}")
                .when().post("/api/v1/admin/consumers")
                .then().statusCode(201).body("boundUscc", nullValue()).body("scopes", containsInAnyOrder("public:read")).extract().path("id");
        operator().body("{\"scopes\":[\"public:read\",\"lists:write\"]}").when().patch("/api/v1/admin/consumers/{id}", reader)
                .then().statusCode(400).body("errors[0].field", equalTo("boundUscc"));
        operator().when().get("/api/v1/admin/consumers/{id}", reader).then().statusCode(200).body("scopes", containsInAnyOrder("public:read"));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT bound_uscc FROM access_consumer WHERE id = ?::uuid")) {
            select.setString(1, bound);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                assertEquals(SubjectFixtures.DEPARTMENT_USCC, rows.getString(1));
            }
        }
    }

    @Test
    void shouldRefuseBindingOtherConsumersInTheDatabaseToo() {
        SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement("""
                            INSERT INTO access_consumer (id, name, consumer_type, scopes, plan, bound_uscc)
                            VALUES (gen_random_uuid(), 'bound bank', 'BANK', ARRAY['public:read'], 'standard', ?)""")) {
                insert.setString(1, SubjectFixtures.DEPARTMENT_USCC);
                insert.executeUpdate();
            }
        });
        assertEquals("23514", refused.getSQLState());
        org.hamcrest.MatcherAssert.assertThat(refused.getMessage(), containsString("access_consumer_binding"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":\"x\",\"type\":\"subject\"}",
            "{\"name\":\"x\",\"type\":\"bank\",\"boundUscc\":\"914403001922038216\"}",
            "{\"name\":\"x\",\"type\":\"app\",\"boundUscc\":\"914403001922038216\"}",
            "{\"name\":\"x\",\"type\":\"operator\",\"boundUscc\":\"914403001922038216\"}",
            "{\"name\":\"x\",\"type\":\"department\",\"boundUscc\":\"914403001922038217\"}",
            "{\"name\":\"x\",\"type\":\"subject\",\"boundUscc\":\"914403001922038217\"}",
            "{\"name\":\"x\",\"type\":\"bank\",\"scopes\":[\"superuser\"]}",
            "{\"name\":\"x\",\"type\":\"bank\",\"scopes\":[]}",
            "{\"name\":\"x\",\"type\":\"subject\",\"boundUscc\":\"914403001922038216\",\"scopes\":[\"admin\"]}",
            "{\"name\":\"x\",\"type\":\"bank\",\"plan\":\"gold\"}",
            "{\"name\":\"\",\"type\":\"bank\"}",
            "{\"type\":\"bank\"}",
            "{\"name\":\"x\"}",
            "{\"name\":\"x\",\"type\":\"martian\"}",
            "{\"name\":\"x\",\"type\":\"bank\",\"colour\":\"red\"}",
            "{\"name\":[1,2],\"type\":\"bank\"}",
            "{\"name\":\"x\",\"type\":\"bank\"",
            "[]",
            "null"})
    void shouldRefuseInvalidConsumerAndCreateNothing(String body) throws SQLException {
        long before = consumers();
        operator().body(body).when().post("/api/v1/admin/consumers")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", org.hamcrest.Matchers.anyOf(
                        equalTo("https://api.opencredit.cn/problems/validation-failed"),
                        equalTo("https://api.opencredit.cn/problems/malformed-body"),
                        equalTo("https://api.opencredit.cn/problems/invalid-uscc")));
        assertEquals(before, consumers());
    }

    @Test
    void shouldNameTheBadFieldInErrors() {
        operator().body("{\"name\":\"x\",\"type\":\"bank\",\"colour\":\"red\"}").when().post("/api/v1/admin/consumers")
                .then().statusCode(400).body("errors[0].field", equalTo("colour")).body("errors[0].code", equalTo("unknown-field"));
        operator().body("{\"name\":\"x\",\"type\":\"subject\",\"boundUscc\":\"914403001922038217\"}").when().post("/api/v1/admin/consumers")
                .then().statusCode(400).body("errors.code", hasItem("check-character"));
    }

    @Test
    void shouldAnswer415WhenBodyIsNotJson() {
        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).contentType(ContentType.TEXT).body("name=x")
                .when().post("/api/v1/admin/consumers")
                .then().statusCode(415).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/unsupported-media-type"));
    }

    @Test
    void shouldAnswer404ForUnknownConsumerAnd400ForMalformedId() {
        operator().when().get("/api/v1/admin/consumers/{id}", "0b6f3c1e-6a53-4f7e-9a55-3c7d2f0c9e11")
                .then().statusCode(404).contentType(PROBLEM);
        operator().when().get("/api/v1/admin/consumers/{id}", "not-a-uuid")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void shouldRefuseBasicAuthAndOverlongKeys() {
        given().header("Authorization", "Basic dXNlcjpwYXNz").when().get("/api/v1/admin/consumers")
                .then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", "Bearer " + "x".repeat(300)).when().get("/api/v1/admin/consumers")
                .then().statusCode(401);
    }

    @Test
    void shouldTakeTheBearerSchemeInAnyCaseAndSpacesAroundTheKey() {
        for (String scheme : new String[] {"bearer ", "BEARER ", "Bearer    "}) {
            given().header("Authorization", scheme + AccessFixtures.OPERATOR_KEY).when().get("/api/v1/admin/consumers").then().statusCode(200);
        }
    }

    @Test
    void shouldLookUpKeysOfUpTo256CharactersAndRefuseLongerOnesUnread() {
        given().header("Authorization", "Bearer " + "x".repeat(256)).when().get("/api/v1/admin/consumers")
                .then().statusCode(401).body("detail", containsString("unknown, revoked or expired"));
        given().header("Authorization", "Bearer " + "x".repeat(257)).when().get("/api/v1/admin/consumers")
                .then().statusCode(401).body("detail", containsString("not one this gateway issued"));
    }

    @Test
    void shouldListConsumersByTypeInPages() {
        AccessFixtures.createConsumer("listed agency 1", ConsumerType.CREDIT_AGENCY, null, null, null);
        AccessFixtures.createConsumer("listed agency 2", ConsumerType.CREDIT_AGENCY, null, null, null);
        String cursor = operator().queryParam("type", "credit-agency").queryParam("limit", "1").when().get("/api/v1/admin/consumers")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].type", equalTo("credit-agency"))
                .extract().path("nextCursor");
        operator().queryParam("type", "credit-agency").queryParam("limit", "1").queryParam("cursor", cursor)
                .when().get("/api/v1/admin/consumers").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void shouldHaveCreatedBootstrapOperator() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM access_consumer WHERE consumer_type = 'OPERATOR' AND name = 'bootstrap operator'")) {
            rows.next();
            assertEquals(1, rows.getInt(1));
        }
    }

    private long consumers() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM access_consumer")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
