package cn.opencredit.gateway.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import cn.opencredit.gateway.shared.problem.Verdict;

/**
 * Endpoint secrets in the Standard Webhooks format ({@code whsec_} + base64 of 32 random bytes),
 * sealed at rest with AES-256-GCM under a key held outside the database (the endpoint's consumer id
 * is bound in as associated data, so a sealed secret copied onto another consumer's row does not
 * open), and the signatures made with them.
 */
@ApplicationScoped
class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKeySpec> key;

    WebhookSecrets(WebhookConfig config) {
        this.key = config.secretKey().map(encoded -> {
            byte[] bytes = Base64.getDecoder().decode(encoded.strip());
            if (bytes.length != 32) {
                throw new IllegalStateException("opencredit.webhook.secret-key must be base64 of 32 bytes (AES-256), not " + bytes.length);
            }
            return new SecretKeySpec(bytes, "AES");
        });
    }

    /** Whether secrets can be sealed and opened: a 503 problem when the key is not configured. */
    Verdict available() {
        return key.isPresent() ? Verdict.ALLOWED : Verdict.rejected(WebhookRejection.NOT_CONFIGURED,
                "Webhooks are not configured on this gateway (opencredit.webhook.secret-key)");
    }

    boolean configured() {
        return key.isPresent();
    }

    static String generate() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    byte[] seal(String secret, UUID consumer) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.orElseThrow(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(consumer.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java platform", e);
        }
    }

    String open(byte[] sealed, UUID consumer) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.orElseThrow(), new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(consumer.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A webhook secret does not open with the configured key", e);
        }
    }

    /**
     * The {@code webhook-signature} header: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}
     * under each secret (the key is the base64-decoded part after {@code whsec_}), space-separated.
     */
    static String signatures(List<String> secrets, String id, long timestamp, String body) {
        byte[] signed = (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
        return secrets.stream().map(secret -> "v1," + Base64.getEncoder().encodeToString(hmac(secret, signed)))
                .collect(Collectors.joining(" "));
    }

    private static byte[] hmac(String secret, byte[] signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            return mac.doFinal(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java platform", e);
        }
    }
}
