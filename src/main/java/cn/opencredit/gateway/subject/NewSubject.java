package cn.opencredit.gateway.subject;

import cn.opencredit.gateway.shared.uscc.Uscc;

/**
 * A subject to register when a write names one the platform does not know yet (a department's
 * batch, later the workflows).
 *
 * @param uscc         null for a natural person
 * @param identityHash the keyed hash of a natural person's identity number, else null
 */
public record NewSubject(String uscc, byte[] identityHash, String name, SubjectType type, String regionCode, String legalRepresentative) {

    /**
     * An organisation, or an individual business, known by its USCC: its type and region are what
     * the code says (an individual business may hold an organisation's code, so its type is told).
     */
    public static NewSubject organisation(Uscc uscc, String name, boolean individualBusiness, String legalRepresentative) {
        SubjectType type = individualBusiness ? SubjectType.INDIVIDUAL_BUSINESS : SubjectType.of(uscc);
        return new NewSubject(uscc.value(), null, name, type, uscc.regionCode(), legalRepresentative);
    }

    /** A natural person, known by the keyed hash of an identity number. */
    public static NewSubject naturalPerson(byte[] identityHash, String name, String regionCode) {
        return new NewSubject(null, identityHash, name, SubjectType.NATURAL_PERSON, regionCode, null);
    }

    /** What identifies it among the subjects of one write: {@link SubjectService#key}. */
    public String key() {
        return SubjectService.key(uscc, identityHash);
    }
}
