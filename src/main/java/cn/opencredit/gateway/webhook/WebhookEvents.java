package cn.opencredit.gateway.webhook;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import io.vertx.core.json.JsonObject;

import cn.opencredit.gateway.shared.time.ChinaTime;

/**
 * The events as sent, in the Standard Webhooks payload shape: {@code {"type", "timestamp", "data"}};
 * the data as the triggers captured it, with enumerations as the API's kebab codes.
 */
final class WebhookEvents {

    private static final List<String> CODES = List.of("category", "severity", "disclosureLevel", "listType", "supervisionClass");
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookEvents() {
    }

    /** A new message id: {@code msg_} and 128 random bits in hex, unique without coordination between replicas. */
    static String newMessageId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "msg_" + HexFormat.of().formatHex(bytes);
    }

    static String body(WebhookEventType type, OffsetDateTime occurredAt, JsonObject captured) {
        JsonObject data = captured.copy();
        for (String key : CODES) {
            String value = data.getString(key);
            if (value != null) {
                data.put(key, value.toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
        if (data.getString("amount") != null) {
            data.put("amount", new JsonObject().put("amount", data.getString("amount")).put("currency", data.getString("currency")));
        }
        data.remove("currency");
        return new JsonObject().put("type", type.code()).put("timestamp", ChinaTime.inChina(occurredAt).toString()).put("data", data).encode();
    }
}
