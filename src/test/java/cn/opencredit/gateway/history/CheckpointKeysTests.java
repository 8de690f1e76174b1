package cn.opencredit.gateway.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The checkpoint keys read from configuration: what starts, what does not, and what verifies. */
class CheckpointKeysTests {

    private static final byte[] HASH = new byte[32];

    @Test
    void shouldSignWhatThePublishedKeyVerifiesAndNothingElse() throws Exception {
        KeyPair pair = pair();
        CheckpointKeys keys = CheckpointKeys.of(config(base64(pair.getPrivate().getEncoded()), base64(pair.getPublic().getEncoded()), List.of()));

        byte[] signature = keys.sign(42, HASH);

        assertEquals(Optional.of(keys.currentKeyId()), keys.signer(42, HASH, signature));
        assertEquals(Optional.empty(), keys.signer(43, HASH, signature), "the sequence is signed");
        byte[] otherHash = HASH.clone();
        otherHash[31] = 1;
        assertEquals(Optional.empty(), keys.signer(42, otherHash, signature), "the hash is signed");
        assertEquals(Optional.empty(), keys.signer(42, HASH, new byte[3]), "a malformed signature verifies nothing");
        assertEquals("opencredit-history-checkpoint:v1:42:" + "00".repeat(32), CheckpointKeys.message(42, HASH));
    }

    @Test
    void shouldReadPemAsWellAsBase64Der() throws Exception {
        KeyPair pair = pair();
        String privatePem = "-----BEGIN PRIVATE KEY-----\n" + base64(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        String publicPem = "-----BEGIN PUBLIC KEY-----\n" + base64(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";

        CheckpointKeys keys = CheckpointKeys.of(config(privatePem, publicPem, List.of()));

        assertEquals(publicPem, keys.published().getFirst().pem());
        assertEquals(CheckpointKeys.keyId(pair.getPublic()), keys.currentKeyId());
        assertEquals(16, keys.currentKeyId().length());
    }

    @Test
    void shouldVerifyWhatARetiredKeySigned() throws Exception {
        KeyPair old = pair();
        KeyPair current = pair();
        CheckpointKeys before = CheckpointKeys.of(config(base64(old.getPrivate().getEncoded()), base64(old.getPublic().getEncoded()), List.of()));
        byte[] signedBefore = before.sign(7, HASH);

        CheckpointKeys after = CheckpointKeys.of(config(base64(current.getPrivate().getEncoded()), base64(current.getPublic().getEncoded()),
                List.of(base64(old.getPublic().getEncoded()))));

        assertEquals(Optional.of(before.currentKeyId()), after.signer(7, HASH, signedBefore));
        assertEquals(2, after.published().size());
        assertTrue(after.published().getFirst().current());
    }

    @Test
    void shouldRefuseToStartWithoutAKeyOrWithAPublicKeyOfAnotherPair() throws Exception {
        KeyPair pair = pair();
        KeyPair other = pair();
        String privateKey = base64(pair.getPrivate().getEncoded());

        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> CheckpointKeys.of(config(null, null, List.of())));
        assertTrue(missing.getMessage().contains("opencredit.history.signing-key is required"), missing.getMessage());
        assertThrows(IllegalStateException.class, () -> CheckpointKeys.of(config(privateKey, null, List.of())));
        IllegalStateException mismatched = assertThrows(IllegalStateException.class,
                () -> CheckpointKeys.of(config(privateKey, base64(other.getPublic().getEncoded()), List.of())));
        assertTrue(mismatched.getMessage().contains("not the public key"), mismatched.getMessage());
        assertThrows(IllegalStateException.class, () -> CheckpointKeys.of(config("bm90IGEga2V5", base64(pair.getPublic().getEncoded()), List.of())));
    }

    private static KeyPair pair() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    private static HistoryConfig config(String signingKey, String publicKey, List<String> retired) {
        return new HistoryConfig() {
            @Override
            public Optional<String> signingKey() {
                return Optional.ofNullable(signingKey);
            }

            @Override
            public Optional<String> publicKey() {
                return Optional.ofNullable(publicKey);
            }

            @Override
            public Optional<List<String>> retiredPublicKeys() {
                return Optional.of(retired);
            }

            @Override
            public Duration checkpointEvery() {
                return Duration.ofMinutes(1);
            }
        };
    }
}
