package cn.opencredit.gateway.registration;

/** OpenAPI descriptions and example bodies of the registration endpoints. */
final class RegistrationExamples {

    static final String FIELDS_DESCRIPTION = """
            The category's fields (a field the category does not take is 400, each bad field named as `fields.<name>`). \
            Dates are `YYYY-MM-DD`, amounts decimal strings of yuan with at most two decimals, years and counts JSON integers. \
            **qualification**: `certificateName`*, `certificateNumber`*, `issuingAuthority`*, `validFrom`*, `validUntil` (not passed), \
            `scope`. **operations**: `year`*, and at least one of `revenue`, `employees`, `taxPaid`, `totalAssets`. \
            **contract-performance**: `counterparty`*, `counterpartyUscc`, `contractName`*, `amount`*, `signedOn`, `performedOn`* \
            (not in the future, not before `signedOn`). **public-welfare**: `activity`*, `date`* (not in the future), `beneficiary`, \
            `amount`, `description`. **honour**: `title`*, `awardedBy`*, `awardedOn`* (not in the future), `level`. \
            (* required)""";

    static final String REQUEST = """
            {"subjectUscc": "91659001MA00000152", "category": "qualification",
             "fields": {"certificateName": "食品经营许可证", "certificateNumber": "JY16590010012345", "issuingAuthority": "石河子市市场监督管理局",
                        "validFrom": "2024-03-01", "validUntil": "2029-02-28", "scope": "预包装食品销售（含冷藏冷冻食品）"},
             "commitment": {"text": \"""" + RegistrationConfig.STANDARD_COMMITMENT + """
", "accepted": true}}""";

    static final String CONTRACT_REQUEST = """
            {"subjectUscc": "91659001MA00000152", "category": "contract-performance",
             "fields": {"counterparty": "新疆天业（集团）有限公司", "contractName": "2026年度物流运输服务合同", "amount": "1260000.00",
                        "signedOn": "2026-01-08", "performedOn": "2026-11-30"},
             "evidence": ["6f0c2a8e-1d4b-4c3a-9e7f-2b5d8c1a0e94"],
             "commitment": {"text": \"""" + RegistrationConfig.STANDARD_COMMITMENT + """
", "accepted": true}}""";

    static final String SUBMITTED = """
            {"id": "57", "subjectUscc": "91659001MA00000152", "category": "qualification", "title": "食品经营许可证",
             "fields": {"certificateName": "食品经营许可证", "certificateNumber": "JY16590010012345", "issuingAuthority": "石河子市市场监督管理局",
                        "validFrom": "2024-03-01", "validUntil": "2029-02-28", "scope": "预包装食品销售（含冷藏冷冻食品）"},
             "evidence": [], "commitmentText": \"""" + RegistrationConfig.STANDARD_COMMITMENT + """
", "departmentUscc": "11659001MB0000019Q", "submitterType": "subject",
             "state": "submitted", "submittedAt": "2026-12-04T09:02:11+08:00", "dueOn": "2026-12-18", "overdue": false, "version": 0,
             "events": [{"id": "9101", "workflow": "registration", "caseId": "57", "transition": "submitted", "to": "submitted",
                         "actor": "subject", "actorUscc": "91659001MA00000152", "occurredAt": "2026-12-04T09:02:11+08:00"}]}""";

    static final String VERIFICATION = """
            {"outcome": "verified", "reason": "经核实，证照信息与发证机关登记一致", "version": 0}""";

    static final String REJECTION = """
            {"outcome": "rejected", "reason": "证照编号与发证机关登记不符，请核对后重新注册", "version": 0}""";

    static final String VERIFIED = """
            {"id": "57", "subjectUscc": "91659001MA00000152", "category": "qualification", "title": "食品经营许可证",
             "fields": {"certificateName": "食品经营许可证", "certificateNumber": "JY16590010012345", "issuingAuthority": "石河子市市场监督管理局",
                        "validFrom": "2024-03-01", "validUntil": "2029-02-28"},
             "evidence": [], "commitmentText": \"""" + RegistrationConfig.STANDARD_COMMITMENT + """
", "departmentUscc": "11659001MB0000019Q", "submitterType": "subject",
             "state": "verified", "submittedAt": "2026-12-04T09:02:11+08:00", "dueOn": "2026-12-18", "overdue": false,
             "decidedAt": "2026-12-08T15:30:00+08:00", "decisionReason": "经核实，证照信息与发证机关登记一致", "recordId": "1048577", "version": 1,
             "events": [
               {"id": "9101", "workflow": "registration", "caseId": "57", "transition": "submitted", "to": "submitted", "actor": "subject",
                "actorUscc": "91659001MA00000152", "occurredAt": "2026-12-04T09:02:11+08:00"},
               {"id": "9102", "workflow": "registration", "caseId": "57", "transition": "verified", "from": "submitted", "to": "verified",
                "actor": "department", "actorUscc": "11659001MB0000019Q", "reason": "经核实，证照信息与发证机关登记一致",
                "occurredAt": "2026-12-08T15:30:00+08:00"}]}""";

    static final String WITHDRAWAL = """
            {"reason": "证照已注销，撤回注册信息", "version": 1}""";

    static final String FALSITY = """
            {"reason": "经核查，该证照已于2026年6月被发证机关注销，注册信息不实", "version": 1}""";

    static final String NO_DEPARTMENT = """
            {"type": "https://api.opencredit.cn/problems/conflict", "title": "Conflict", "status": 409,
             "detail": "no department verifies honour items for subjects of region 410526 (opencredit.registration.routes)",
             "instance": "/api/v1/registrations", "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
             "errors": [{"field": "category", "code": "no-department",
                         "message": "no department verifies honour items for subjects of region 410526 (opencredit.registration.routes)"}]}""";

    static final String STALE = """
            {"type": "https://api.opencredit.cn/problems/conflict", "title": "Conflict", "status": 409,
             "detail": "Registration 57 is at version 1, not 0; read it again and decide on what it is now",
             "instance": "/api/v1/registrations/57/verification", "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
             "errors": [{"field": "version", "code": "stale-version",
                         "message": "Registration 57 is at version 1, not 0; read it again and decide on what it is now"}]}""";

    static final String COMMITMENT_TEXT = """
            {"text": \"""" + RegistrationConfig.STANDARD_COMMITMENT + """
"}""";

    private RegistrationExamples() {
    }
}
