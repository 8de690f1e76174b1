package cn.opencredit.gateway.access;

import static io.restassured.RestAssured.given;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.restassured.http.ContentType;

import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * One consumer of every type with a key, created once per test run through the admin API with
 * the bootstrap operator key of the test profile.
 */
@ApplicationScoped
public class AccessFixtures {

    public static final String OPERATOR_KEY = "test-operator-key-0123456789abcdef012";

    private final Map<ConsumerType, String> keys = new EnumMap<>(ConsumerType.class);
    private final Map<ConsumerType, String> ids = new EnumMap<>(ConsumerType.class);

    public synchronized String key(ConsumerType type) {
        if (keys.isEmpty()) {
            for (ConsumerType t : ConsumerType.values()) {
                // The department fixture is unbound, so it may only read: writing needs the binding.
                String id = createConsumer(t.code() + " fixture", t, t == ConsumerType.SUBJECT ? SubjectFixtures.RICH : null,
                        t == ConsumerType.DEPARTMENT ? List.of("public:read") : null, "standard");
                ids.put(t, id);
                keys.put(t, issueKey(id));
            }
        }
        return keys.get(type);
    }

    public String id(ConsumerType type) {
        key(type);
        return ids.get(type);
    }

    public static String bearer(String key) {
        return "Bearer " + key;
    }

    public static String createConsumer(String name, ConsumerType type, String boundUscc, List<String> scopes, String plan) {
        StringBuilder body = new StringBuilder("{\"name\":\"").append(name).append("\",\"type\":\"").append(type.code()).append('"');
        if (boundUscc != null) {
            body.append(",\"boundUscc\":\"").append(boundUscc).append('"');
        }
        if (scopes != null) {
            body.append(",\"scopes\":[").append(String.join(",", scopes.stream().map(s -> "\"" + s + "\"").toList())).append(']');
        }
        if (plan != null) {
            body.append(",\"plan\":\"").append(plan).append('"');
        }
        return given().header("Authorization", bearer(OPERATOR_KEY)).contentType(ContentType.JSON).body(body.append('}').toString())
                .when().post("/api/v1/admin/consumers")
                .then().statusCode(201).extract().path("id");
    }

    public static String issueKey(String consumerId) {
        return given().header("Authorization", bearer(OPERATOR_KEY)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/admin/consumers/{id}/keys", consumerId)
                .then().statusCode(201).extract().path("key");
    }
}
