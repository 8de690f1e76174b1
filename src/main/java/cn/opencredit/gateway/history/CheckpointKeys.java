package cn.opencredit.gateway.history;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Ed25519 keys of the history's checkpoints: the current one signs, every published one
 * verifies. What is signed is the UTF-8 text {@code opencredit-history-checkpoint:v1:<sequence>:<hash>},
 * the hash in lower-case hex, so that anyone can rebuild it from a published checkpoint and check the
 * signature with standard tools (docs/capabilities/history.md shows how with openssl).
 */
final class CheckpointKeys {

    static final String ALGORITHM = "Ed25519";
    private static final HexFormat HEX = HexFormat.of();

    /** A published key. */
    record PublishedKey(String keyId, PublicKey key, boolean current) {

        String pem() {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        }
    }

    private final PrivateKey signingKey;
    private final String currentKeyId;
    private final Map<String, PublishedKey> published = new LinkedHashMap<>();

    private CheckpointKeys(PrivateKey signingKey, PublicKey publicKey, List<PublicKey> retired) {
        this.signingKey = signingKey;
        this.currentKeyId = keyId(publicKey);
        published.put(currentKeyId, new PublishedKey(currentKeyId, publicKey, true));
        retired.forEach(key -> published.putIfAbsent(keyId(key), new PublishedKey(keyId(key), key, false)));
    }

    /**
     * The keys of the configuration; refuses to start without a signing key, or with a public key
     * that does not verify what the signing key signs.
     */
    static CheckpointKeys of(HistoryConfig config) {
        String privateText = config.signingKey().filter(text -> !text.isBlank()).orElseThrow(() -> new IllegalStateException(
                "opencredit.history.signing-key is required: the Ed25519 key that signs the history's checkpoints "
                        + "(OPENCREDIT_HISTORY_SIGNING_KEY; see docs/capabilities/history.md)"));
        String publicText = config.publicKey().filter(text -> !text.isBlank()).orElseThrow(() -> new IllegalStateException(
                "opencredit.history.public-key is required beside opencredit.history.signing-key (OPENCREDIT_HISTORY_PUBLIC_KEY)"));
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey signing = factory.generatePrivate(new PKCS8EncodedKeySpec(der(privateText, "PRIVATE KEY")));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(der(publicText, "PUBLIC KEY")));
            List<PublicKey> retired = config.retiredPublicKeys().orElse(List.of()).stream().map(text -> {
                try {
                    return factory.generatePublic(new X509EncodedKeySpec(der(text, "PUBLIC KEY")));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("opencredit.history.retired-public-keys holds a key that is not an Ed25519 public key", e);
                }
            }).toList();
            CheckpointKeys keys = new CheckpointKeys(signing, publicKey, retired);
            byte[] probe = new byte[32];
            if (!keys.verifies(publicKey, 1, probe, keys.sign(1, probe))) {
                throw new IllegalStateException("opencredit.history.public-key is not the public key of opencredit.history.signing-key");
            }
            return keys;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("opencredit.history.signing-key and public-key must be Ed25519 keys, PEM or base64 DER: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    static String message(long sequence, byte[] hash) {
        return "opencredit-history-checkpoint:v1:" + sequence + ":" + HEX.formatHex(hash);
    }

    String currentKeyId() {
        return currentKeyId;
    }

    List<PublishedKey> published() {
        return List.copyOf(published.values());
    }

    byte[] sign(long sequence, byte[] hash) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(signingKey);
            signer.update(message(sequence, hash).getBytes(StandardCharsets.UTF_8));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The id of the published key that made this signature, if any did. */
    Optional<String> signer(long sequence, byte[] hash, byte[] signature) {
        return published.values().stream().filter(key -> verifies(key.key(), sequence, hash, signature)).map(PublishedKey::keyId).findFirst();
    }

    private boolean verifies(PublicKey key, long sequence, byte[] hash, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message(sequence, hash).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A signature of the wrong length or encoding verifies nothing.
            return false;
        }
    }

    /** First 16 hex digits of the SHA-256 of the key's SubjectPublicKeyInfo: short, stable, and derivable by anyone. */
    static String keyId(PublicKey key) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] der(String text, String pemLabel) {
        String body = text.strip();
        if (body.startsWith("-----BEGIN")) {
            body = body.replace("-----BEGIN " + pemLabel + "-----", "").replace("-----END " + pemLabel + "-----", "");
        }
        return Base64.getMimeDecoder().decode(body);
    }
}
