package cn.opencredit.gateway.person;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a re-encryption run did: how many identity numbers it moved to the current key. */
@Schema(name = "PersonReEncryption")
public record ReEncryptionView(
        @Schema(examples = "k2027") String keyId,
        @Schema(examples = "1200") long reEncrypted) {
}
