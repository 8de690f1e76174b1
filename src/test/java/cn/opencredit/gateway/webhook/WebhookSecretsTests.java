package cn.opencredit.gateway.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.shared.problem.Verdict;

class WebhookSecretsTests {

    /** The Standard Webhooks reference libraries' own signing example. */
    @Test
    void shouldSignAsTheStandardWebhooksReferenceDoes() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSecrets.signatures(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    }

    @Test
    void shouldSignUnderEverySecretSpaceSeparated() {
        String header = WebhookSecrets.signatures(List.of(WebhookSecrets.generate(), WebhookSecrets.generate()), "msg_1", 1, "{}");
        assertEquals(2, header.split(" ").length);
        assertTrue(header.split(" ")[1].startsWith("v1,"));
    }

    @Test
    void shouldGenerateSecretsOf32RandomBytes() {
        String secret = WebhookSecrets.generate();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, WebhookSecrets.generate());
    }

    @Test
    void shouldSealSecretsSoThatOnlyTheSameConsumerOpensThem() {
        WebhookSecrets secrets = new WebhookSecrets(config(Optional.of(Base64.getEncoder().encodeToString(new byte[32]))));
        UUID consumer = UUID.randomUUID();
        String secret = WebhookSecrets.generate();
        byte[] sealed = secrets.seal(secret, consumer);
        assertEquals(secret, secrets.open(sealed, consumer));
        assertThrows(IllegalStateException.class, () -> secrets.open(sealed, UUID.randomUUID()));
        assertTrue(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(secret.substring(6)) < 0, "not in clear");
    }

    @Test
    void shouldRefuseToWorkWithoutAKeyAndStartWithAWrongOne() {
        Verdict verdict = new WebhookSecrets(config(Optional.empty())).available();
        assertEquals(WebhookRejection.NOT_CONFIGURED, ((Verdict.Rejected) verdict).reason());
        assertThrows(IllegalStateException.class, () -> new WebhookSecrets(config(Optional.of(Base64.getEncoder().encodeToString(new byte[16])))));
    }

    /** A configuration with only the key: nothing else is asked of it here. */
    private static WebhookConfig config(Optional<String> key) {
        return (WebhookConfig) Proxy.newProxyInstance(WebhookConfig.class.getClassLoader(), new Class<?>[] {WebhookConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("secretKey")) {
                        return key;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
