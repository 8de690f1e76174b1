package cn.opencredit.gateway.webhook;

import static cn.opencredit.gateway.webhook.WebhookFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.opencredit.gateway.webhook.WebhookFixtures.Bank;

/** A bank registering, reading, changing, rotating and deleting its webhook endpoints; every refusal, and nothing changed by one. */
@QuarkusTest
class BankManagingWebhookEndpointsTests {

    private static final String PROBLEMS = "https://api.opencredit.cn/problems/";
    private static final String LOCAL = "http://127.0.0.1:9/hooks";

    private final WebhookFixtures fixtures;

    BankManagingWebhookEndpointsTests(WebhookFixtures fixtures) {
        this.fixtures = fixtures;
    }

    @Test
    void shouldRegisterListChangeRotateAndDeleteItsEndpointsShowingTheSecretOnlyOnce() {
        Bank bank = fixtures.bank();
        JsonPath created = as(bank.key()).body(Map.of("url", LOCAL, "description", "贷后监测", "eventTypes", List.of("list.entry-added")))
                .when().post("/api/v1/webhook-endpoints").then().statusCode(201)
                .header("Location", containsString("/api/v1/webhook-endpoints/")).body("status", equalTo("enabled"))
                .body("secret", startsWith("whsec_")).body("eventTypes", equalTo(List.of("list.entry-added"))).extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("secret");
        byte[] stored = fixtures.text("SELECT encode(secret, 'escape') FROM webhook_endpoint WHERE id = ?", Long.parseLong(id)).getBytes();
        assertFalse(new String(stored).contains(secret.substring(6)), "the secret is sealed at rest");

        as(bank.key()).when().get("/api/v1/webhook-endpoints").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", equalTo(id)).body("items[0].secret", nullValue());
        as(bank.key()).when().get("/api/v1/webhook-endpoints/{id}", id).then().statusCode(200).body("secret", nullValue())
                .body("version", equalTo(0));

        as(bank.key()).body(Map.of("eventTypes", List.of("record.failing-published", "evaluation.grade-dropped"), "status", "disabled",
                "version", 0)).when().patch("/api/v1/webhook-endpoints/{id}", id).then().statusCode(200).body("status", equalTo("disabled"))
                .body("eventTypes", equalTo(List.of("record.failing-published", "evaluation.grade-dropped"))).body("version", equalTo(1))
                .body("description", equalTo("贷后监测"));
        as(bank.key()).body(Map.of("status", "enabled", "version", 0)).when().patch("/api/v1/webhook-endpoints/{id}", id)
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "conflict"));

        as(bank.key()).when().post("/api/v1/webhook-endpoints/{id}/rotate-secret", id).then().statusCode(200)
                .body("secret", startsWith("whsec_")).body("previousSecretValidUntil", notNullValue());
        as(bank.key()).when().get("/api/v1/webhook-endpoints/{id}", id).then().statusCode(200).body("secret", nullValue())
                .body("previousSecretValidUntil", notNullValue());

        as(bank.key()).when().delete("/api/v1/webhook-endpoints/{id}", id).then().statusCode(204);
        as(bank.key()).when().get("/api/v1/webhook-endpoints/{id}", id).then().statusCode(404);
        assertEquals(0, fixtures.scalar("SELECT count(*) FROM webhook_endpoint WHERE id = ?", Long.parseLong(id)));
    }

    /** Another bank's endpoint answers 404, as one that does not exist: ids reveal nothing, and nothing of it changes. */
    @Test
    void shouldAnswer404ForAnotherBanksEndpointAndChangeNothing() {
        Bank owner = fixtures.bank();
        Bank other = fixtures.bank();
        String id = WebhookFixtures.endpoint(owner, LOCAL, List.of("list.entry-added")).get("id");
        String before = fixtures.text("SELECT row(url, status, version, secret)::text FROM webhook_endpoint WHERE id = ?", Long.parseLong(id));

        as(other.key()).when().get("/api/v1/webhook-endpoints/{id}", id).then().statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        as(other.key()).body(Map.of("status", "disabled", "version", 0)).when().patch("/api/v1/webhook-endpoints/{id}", id).then().statusCode(404);
        as(other.key()).when().post("/api/v1/webhook-endpoints/{id}/rotate-secret", id).then().statusCode(404);
        as(other.key()).when().get("/api/v1/webhook-endpoints/{id}/deliveries", id).then().statusCode(404);
        as(other.key()).when().delete("/api/v1/webhook-endpoints/{id}", id).then().statusCode(404);
        as(other.key()).when().get("/api/v1/webhook-endpoints").then().statusCode(200).body("items", hasSize(0));

        assertEquals(before, fixtures.text("SELECT row(url, status, version, secret)::text FROM webhook_endpoint WHERE id = ?", Long.parseLong(id)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "https://10.1.2.3/hook, private-address", "https://172.16.5.4/hook, private-address", "https://172.31.0.1/hook, private-address",
            "https://192.168.1.10/hook, private-address", "https://100.64.0.1/hook, shared-address", "https://169.254.10.10/hook, link-local-address",
            "https://169.254.169.254/latest/meta-data/, metadata-address", "https://[fd00:ec2::254]/, metadata-address",
            "https://[fc00::1]/hook, unique-local-address", "https://[fd12:3456::1]/hook, unique-local-address",
            "https://[fe80::1]/hook, link-local-address", "https://[::ffff:10.0.0.1]/hook, private-address",
            "https://[::ffff:169.254.169.254]/hook, metadata-address", "https://[64:ff9b::a9fe:a9fe]/hook, metadata-address",
            "https://0.0.0.0/hook, unspecified-address", "https://[::]/hook, unspecified-address", "https://224.0.0.1/hook, multicast-address",
            "https://240.0.0.1/hook, reserved-address", "http://8.8.8.8/hook, not-https", "https://user:pw@8.8.8.8/hook, credentials-in-url",
            "https://webhooks.invalid/hook, unresolvable-host", "not a url, invalid-url", "https://8.8.8.8/hook#x, invalid-url"})
    void shouldRefuseTargetsOutsideThePublicInternetNamingTheReason(String url, String code) {
        Bank bank = fixtures.bank();
        as(bank.key()).body(Map.of("url", url, "eventTypes", List.of("list.entry-added"))).when().post("/api/v1/webhook-endpoints")
                .then().statusCode(400).contentType("application/problem+json").body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors[0].field", equalTo("url")).body("errors[0].code", equalTo(code));
        assertEquals(0, fixtures.scalar("SELECT count(*) FROM webhook_endpoint WHERE consumer_id = ?::uuid", bank.id()));
    }

    @Test
    void shouldRefuseAChangeToARefusedTarget() {
        Bank bank = fixtures.bank();
        String id = WebhookFixtures.endpoint(bank, LOCAL, List.of("list.entry-added")).get("id");
        as(bank.key()).body(Map.of("url", "https://169.254.169.254/", "version", 0)).when().patch("/api/v1/webhook-endpoints/{id}", id)
                .then().statusCode(400).body("errors[0].code", equalTo("metadata-address"));
        assertEquals(LOCAL, fixtures.text("SELECT url FROM webhook_endpoint WHERE id = ?", Long.parseLong(id)));
    }

    @Test
    void shouldRefuseBadInputsWithAProblemAndCreateNothing() {
        Bank bank = fixtures.bank();
        List<Map<String, Object>> bodies = List.of(
                Map.of("eventTypes", List.of("list.entry-added")),
                Map.of("url", LOCAL),
                Map.of("url", LOCAL, "eventTypes", List.of()),
                Map.of("url", LOCAL, "eventTypes", List.of("record.deleted")),
                Map.of("url", LOCAL, "eventTypes", List.of("list.entry-added"), "description", "长".repeat(201)),
                Map.of("url", "https://" + "a".repeat(2000) + ".cn/", "eventTypes", List.of("list.entry-added")),
                Map.of("url", LOCAL, "eventTypes", List.of("list.entry-added"), "secret", "whsec_mine"));
        for (Map<String, Object> body : bodies) {
            as(bank.key()).body(body).when().post("/api/v1/webhook-endpoints").then().statusCode(400)
                    .contentType("application/problem+json").body("type", startsWith(PROBLEMS));
        }
        as(bank.key()).body("{\"url\": ").when().post("/api/v1/webhook-endpoints").then().statusCode(400);
        as(bank.key()).when().get("/api/v1/webhook-endpoints/{id}", "abc").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-parameter"));
        as(bank.key()).when().get("/api/v1/webhook-endpoints?limit=0").then().statusCode(400);
        assertEquals(0, fixtures.scalar("SELECT count(*) FROM webhook_endpoint WHERE consumer_id = ?::uuid", bank.id()));

        String id = WebhookFixtures.endpoint(bank, LOCAL, List.of("list.entry-added")).get("id");
        Map<String, Object> failing = new LinkedHashMap<>();
        failing.put("status", "failing");
        failing.put("version", 0);
        as(bank.key()).body(failing).when().patch("/api/v1/webhook-endpoints/{id}", id).then().statusCode(400)
                .body("errors[0].code", equalTo("invalid-status"));
        as(bank.key()).body(Map.of("status", "enabled")).when().patch("/api/v1/webhook-endpoints/{id}", id).then().statusCode(400);
        as(bank.key()).body(Map.of("eventTypes", List.of(), "version", 0)).when().patch("/api/v1/webhook-endpoints/{id}", id).then().statusCode(400);
        assertEquals(0, fixtures.scalar("SELECT version FROM webhook_endpoint WHERE id = ?", Long.parseLong(id)));
    }

    @Test
    void shouldRefuseAConsumerWithoutTheFinanceReadScope() {
        as(fixtures.enterprise().key()).body(Map.of("url", LOCAL, "eventTypes", List.of("list.entry-added"))).when()
                .post("/api/v1/webhook-endpoints").then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
    }
}
