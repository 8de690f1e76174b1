package cn.opencredit.gateway.person;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;

/**
 * AES-256-GCM for identity numbers at rest: a fresh 12-byte nonce per encryption, stored before the
 * ciphertext, and the person's subject id as associated data, so that a ciphertext moved to another
 * row does not decrypt. Messages never carry the number.
 */
@Startup
@Singleton
class IdentityCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    IdentityCipher(PersonConfig config) {
        String current = config.identityKey().filter(text -> !text.isBlank()).orElseThrow(() -> new IllegalStateException(
                "opencredit.person.identity-key (OPENCREDIT_PERSON_IDENTITY_KEY) is required: <key id>:<base64 of 32 bytes>"));
        this.currentKeyId = add(current);
        config.retiredIdentityKeys().orElse(List.of()).stream().filter(text -> !text.isBlank()).forEach(this::add);
    }

    private String add(String entry) {
        int colon = entry.indexOf(':');
        if (colon < 1) {
            throw new IllegalStateException("a person identity key is <key id>:<base64 of 32 bytes>");
        }
        String id = entry.substring(0, colon).strip();
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("person identity key " + id + " is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("person identity key " + id + " must be 32 bytes (AES-256), not " + bytes.length);
        }
        if (keys.putIfAbsent(id, new SecretKeySpec(bytes, "AES")) != null) {
            throw new IllegalStateException("person identity key id " + id + " is configured twice");
        }
        return id;
    }

    String currentKeyId() {
        return currentKeyId;
    }

    /** A ciphertext and the id of the key that made it. */
    record Sealed(String keyId, byte[] bytes) {
    }

    Sealed encrypt(String identityNumber, long subjectId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, subjectId);
            byte[] sealed = cipher.doFinal(identityNumber.getBytes(StandardCharsets.UTF_8));
            return new Sealed(currentKeyId, ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java platform", e);
        }
    }

    String decrypt(byte[] sealed, String keyId, long subjectId) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("no person identity key with id " + keyId + " is configured");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(sealed, NONCE_BYTES), subjectId);
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the identity number of subject " + subjectId + " does not decrypt under key " + keyId);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, long subjectId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ByteBuffer.allocate(Long.BYTES).putLong(subjectId).array());
        return cipher;
    }

    /**
     * The number as answers show it: a resident identity card keeps its region (6) and its last 4
     * characters ({@code 410526********1234}); shorter documents keep their first and last 2.
     */
    static String mask(String identityNumber) {
        int length = identityNumber.length();
        int head = length >= 15 ? 6 : length >= 8 ? 2 : 0;
        int tail = length >= 15 ? 4 : length >= 8 ? 2 : 1;
        return identityNumber.substring(0, head) + "*".repeat(length - head - tail) + identityNumber.substring(length - tail);
    }
}
