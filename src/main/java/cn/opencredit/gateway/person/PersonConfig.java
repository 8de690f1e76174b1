package cn.opencredit.gateway.person;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The AES-256 keys that encrypt persons' identity numbers at rest. Each is {@code <key id>:<base64
 * of 32 bytes>}; the key id is stored beside every ciphertext, so that a rotated key keeps
 * decrypting the rows it made until they are re-encrypted under the current one. A secret held
 * outside the database (a Kubernetes Secret in production): the gateway does not start without it.
 */
@ConfigMapping(prefix = "opencredit.person")
interface PersonConfig {

    /** The key new ciphertexts are made under. */
    Optional<String> identityKey();

    /** Earlier keys, kept for decrypting (and re-encrypting) the rows still under them. */
    Optional<List<String>> retiredIdentityKeys();
}
