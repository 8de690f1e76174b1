package cn.opencredit.gateway.consent;

/** OpenAPI example bodies of the consent endpoints. */
final class ConsentExamples {

    static final String REQUEST = """
            {"subjectUscc": "91659001MA00000152", "granteeId": "5d0c9e3a-2f41-4b7a-8c6e-1a2b3c4d5e6f", "purpose": "loan-application",
             "categories": ["profile", "evaluation", "authorised-records", "tax", "social-insurance"], "validUntil": "2027-06-30",
             "reference": "HXB-2026-000812"}""";

    static final String GRANTED = """
            {"id": "77", "subjectUscc": "91659001MA00000152", "granteeId": "5d0c9e3a-2f41-4b7a-8c6e-1a2b3c4d5e6f", "granteeType": "bank",
             "purpose": "loan-application", "categories": ["profile", "evaluation", "authorised-records", "tax", "social-insurance"],
             "reference": "HXB-2026-000812", "validFrom": "2026-12-04T10:15:30+08:00", "validUntil": "2027-07-01T00:00:00+08:00",
             "state": "active", "version": 0,
             "events": [{"id": "9101", "workflow": "consent", "caseId": "77", "transition": "granted", "to": "active", "actor": "subject",
                         "actorUscc": "91659001MA00000152", "reason": "HXB-2026-000812", "occurredAt": "2026-12-04T10:15:30+08:00"}]}""";

    static final String REVOCATION = """
            {"reason": "贷款申请已撤回", "version": 0}""";

    private ConsentExamples() {
    }
}
