package cn.opencredit.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import cn.opencredit.gateway.shared.environment.KeyEnvironment;

/**
 * Key material. A key is {@code ocg_} (live) or {@code ocg_test_} (sandbox) and 32 base64url
 * characters (192 random bits); only its SHA-256 is stored, and its first 12 characters as a prefix
 * that support staff may see.
 */
final class ApiKeys {

    static final int PREFIX_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    static String generate(boolean sandbox) {
        String key;
        do {
            byte[] secret = new byte[24];
            RANDOM.nextBytes(secret);
            key = KeyEnvironment.issuedPrefix(sandbox) + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            // A live key whose random part starts with "test_" would read as a test key (one in 2^30).
        } while (!sandbox && KeyEnvironment.isTestKey(key));
        return key;
    }

    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    static String prefix(String key) {
        return key.substring(0, Math.min(PREFIX_LENGTH, key.length()));
    }
}
