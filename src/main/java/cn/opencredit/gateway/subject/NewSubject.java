package cn.opencredit.gateway.subject;

/**
 * A subject to register when a write names one the platform does not know yet (a department's
 * batch, later the workflows).
 *
 * @param uscc         null for a natural person
 * @param identityHash the keyed hash of a natural person's identity number, else null
 */
public record NewSubject(String uscc, byte[] identityHash, String name, SubjectType type, String regionCode, String legalRepresentative) {

    /** What identifies it among the subjects of one write: {@link SubjectService#key}. */
    public String key() {
        return SubjectService.key(uscc, identityHash);
    }
}
