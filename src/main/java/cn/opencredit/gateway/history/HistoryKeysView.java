package cn.opencredit.gateway.history;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public keys that sign (or signed) the history's checkpoints. */
@Schema(name = "HistoryKeys")
public record HistoryKeysView(@Schema(required = true) List<Key> keys) {

    @Schema(name = "HistoryKey")
    public record Key(@Schema(required = true, examples = "3b1f0c7d9a2e4f61") String keyId,
            @Schema(required = true, examples = "Ed25519") String algorithm,
            @Schema(required = true, description = "SubjectPublicKeyInfo, PEM", examples = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAbwhGDR5t+nIYgCaycV3qzviBcbFqqvy7ZR1gNtDicYA=\n-----END PUBLIC KEY-----\n")
            String publicKeyPem,
            @Schema(required = true, description = "Whether it signs new checkpoints; retired keys stay published") boolean current) {
    }
}
