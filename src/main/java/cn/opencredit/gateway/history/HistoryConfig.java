package cn.opencredit.gateway.history;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The keys that sign the history's checkpoints, and how often. The private key is a secret held
 * outside the database (a Kubernetes Secret in production); the gateway does not start without it.
 */
@ConfigMapping(prefix = "opencredit.history")
interface HistoryConfig {

    /** Ed25519 private key, PKCS#8: PEM, or its DER in base64 ({@code openssl genpkey -algorithm ed25519}). */
    Optional<String> signingKey();

    /** The matching public key, SubjectPublicKeyInfo: PEM or DER in base64 ({@code openssl pkey -pubout}). Published. */
    Optional<String> publicKey();

    /** Public keys of earlier signing keys, still published so that checkpoints they signed can be verified. */
    Optional<List<String>> retiredPublicKeys();

    /** How often the chain head is signed when it has moved; also on demand by operators. */
    @WithDefault("PT1M")
    Duration checkpointEvery();
}
