package cn.opencredit.gateway.person;

/** Examples of persons in the contract. */
final class PersonExamples {

    static final String REQUEST = """
            {"identityNumber": "659001199001011234", "name": "张三", "occupation": "teacher"}""";

    static final String PERSON = """
            {"id": "0b6f1c1e-8a0e-4a53-9d43-54a1a3c1d2e4", "name": "张三", "identityNumber": "659001********1234", "occupation": "teacher"}""";

    static final String LOOKUP = """
            {"identityNumber": "659001199001011234"}""";

    static final String CONSENT = """
            {"granteeId": "5f0c6a43-7a6e-4f5b-9d8a-0e9f6a1b2c3d", "validUntil": "2027-06-30", "reference": "XYB-2026-0001"}""";

    static final String CONSENT_VIEW = """
            {"consentId": "42", "person": {"id": "0b6f1c1e-8a0e-4a53-9d43-54a1a3c1d2e4", "name": "张三", "identityNumber": "659001********1234",
             "occupation": "teacher"}, "granteeId": "5f0c6a43-7a6e-4f5b-9d8a-0e9f6a1b2c3d", "purpose": "incentive", "validUntil": "2027-06-30"}""";

    static final String RE_ENCRYPTION = """
            {"keyId": "k2027", "reEncrypted": 1200}""";

    private PersonExamples() {
    }
}
