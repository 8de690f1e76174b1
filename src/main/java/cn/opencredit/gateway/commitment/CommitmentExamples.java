package cn.opencredit.gateway.commitment;

/** OpenAPI example bodies of the commitment endpoints. */
final class CommitmentExamples {

    static final String BATCH = """
            {"rows": [
              {"sourceCommitmentId": "SZJ-CN-2026-000317", "subjectUscc": "91659001MA00000152", "type": "deficiency-tolerance",
               "procedureName": "食品经营许可（新办）", "procedureCode": "11659001MB0000019Q-XK-0027",
               "content": "承诺于2026年12月18日前补齐食品安全管理制度文本，逾期未补齐的，自愿接受撤销许可并记入信用记录",
               "madeOn": "2026-12-04", "deadline": "2026-12-18"},
              {"sourceCommitmentId": "SZJ-CN-2026-000318", "subjectUscc": "91659001MA00000152", "type": "告知承诺",
               "procedureName": "公共场所卫生许可", "content": "承诺本单位符合公共场所卫生许可条件，如有不实，自愿承担相应法律责任",
               "madeOn": "2026-12-04"}]}""";

    static final String REPORT = """
            {"received": 3, "created": 1, "updated": 0, "unchanged": 1, "refused": 1, "rows": [
              {"row": 1, "sourceCommitmentId": "SZJ-CN-2026-000317", "outcome": "created", "commitmentId": "318", "errors": []},
              {"row": 2, "sourceCommitmentId": "SZJ-CN-2026-000318", "outcome": "unchanged", "commitmentId": "319", "errors": []},
              {"row": 3, "sourceCommitmentId": "SZJ-CN-2026-000319", "outcome": "refused", "errors": [
                {"field": "deadline", "code": "required",
                 "message": "a deficiency-tolerance (容缺受理) commitment needs the deadline for the missing materials"}]}]}""";

    static final String COMMITMENT = """
            {"id": "318", "sourceCommitmentId": "SZJ-CN-2026-000317", "subjectUscc": "91659001MA00000152",
             "departmentUscc": "11659001MB0000019Q", "departmentName": "石河子市市场监督管理局", "type": "deficiency-tolerance",
             "procedureName": "食品经营许可（新办）", "procedureCode": "11659001MB0000019Q-XK-0027",
             "content": "承诺于2026年12月18日前补齐食品安全管理制度文本，逾期未补齐的，自愿接受撤销许可并记入信用记录",
             "madeOn": "2026-12-04", "deadline": "2026-12-18", "pendingObligations": true, "state": "fulfilled", "overdue": false,
             "reportedAt": "2026-12-04T16:20:00+08:00", "fulfilledOn": "2026-12-16", "decidedAt": "2026-12-16T10:05:00+08:00",
             "decidedBy": "department", "outcomeReason": "申请人已于2026年12月16日补齐食品安全管理制度文本", "version": 1,
             "events": [
               {"id": "9201", "workflow": "commitment", "caseId": "318", "transition": "reported", "to": "open", "actor": "department",
                "actorUscc": "11659001MB0000019Q", "occurredAt": "2026-12-04T16:20:00+08:00"},
               {"id": "9207", "workflow": "commitment", "caseId": "318", "transition": "fulfilled", "from": "open", "to": "fulfilled",
                "actor": "department", "actorUscc": "11659001MB0000019Q", "reason": "申请人已于2026年12月16日补齐食品安全管理制度文本",
                "occurredAt": "2026-12-16T10:05:00+08:00"}]}""";

    static final String FULFILMENT = """
            {"outcome": "fulfilled", "fulfilledOn": "2026-12-16", "reason": "申请人已于2026年12月16日补齐食品安全管理制度文本", "version": 0}""";

    static final String BREACH = """
            {"outcome": "breached", "reason": "经事中核查，申请人不符合所承诺的许可条件，已依法撤销许可", "version": 0}""";

    static final String CANCELLATION = """
            {"outcome": "cancelled", "reason": "申请人于2026年12月8日撤回许可申请", "version": 0}""";

    static final String STALE = """
            {"type": "https://api.opencredit.cn/problems/conflict", "title": "Conflict", "status": 409,
             "detail": "Commitment 318 is at version 1, not 0; read it again and report on what it is now",
             "instance": "/api/v1/commitments/318/outcome", "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
             "errors": [{"field": "version", "code": "stale-version",
                         "message": "Commitment 318 is at version 1, not 0; read it again and report on what it is now"}]}""";

    static final String TOO_MANY_ROWS = """
            {"type": "https://api.opencredit.cn/problems/payload-too-large", "title": "Payload too large", "status": 413,
             "detail": "rows: a batch carries at most 1000 commitments, not 1200", "instance": "/api/v1/commitments",
             "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
             "errors": [{"field": "rows", "code": "too-many-rows", "message": "a batch carries at most 1000 commitments, not 1200"}]}""";

    static final String PAGE = """
            {"items": [
              {"id": "318", "sourceCommitmentId": "SZJ-CN-2026-000317", "subjectUscc": "91659001MA00000152",
               "departmentUscc": "11659001MB0000019Q", "departmentName": "石河子市市场监督管理局", "type": "deficiency-tolerance",
               "procedureName": "食品经营许可（新办）", "content": "承诺于2026年12月18日前补齐食品安全管理制度文本",
               "madeOn": "2026-12-04", "deadline": "2026-12-18", "pendingObligations": true, "state": "open", "overdue": false,
               "reportedAt": "2026-12-04T16:20:00+08:00", "version": 0}],
             "nextCursor": null}""";

    static final String STATISTICS = """
            {"from": "2026-01-01", "to": "2026-12-31",
             "types": [{"type": "deficiency-tolerance", "reported": 48, "open": 6, "overdue": 1, "fulfilled": 33, "breached": 3,
                        "breachedAtDeadline": 2, "cancelled": 6, "fulfilmentRate": 0.9167}],
             "departments": [{"departmentUscc": "11659001MB0000019Q", "departmentName": "石河子市市场监督管理局", "reported": 48, "open": 6,
                              "overdue": 1, "fulfilled": 33, "breached": 3, "breachedAtDeadline": 2, "cancelled": 6,
                              "fulfilmentRate": 0.9167}],
             "months": [{"month": "2026-12", "reported": 48, "open": 6, "overdue": 1, "fulfilled": 33, "breached": 3,
                         "breachedAtDeadline": 2, "cancelled": 6, "fulfilmentRate": 0.9167}]}""";

    private CommitmentExamples() {
    }
}
