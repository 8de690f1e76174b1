package cn.opencredit.gateway.repair;

/** OpenAPI example bodies of the repair endpoints. */
final class RepairExamples {

    static final String REQUEST = """
            {"recordId": 1048576, "obligationsPerformed": true,
             "obligations": "罚款5000元已于2026年3月2日缴清，违法标签已全部更换",
             "evidence": ["6f0c2a8e-1d4b-4c3a-9e7f-2b5d8c1a0e94"],
             "commitment": {"text": "本单位（本人）郑重承诺：已纠正失信行为、履行完毕法定责任和义务，所提交的信用修复申请材料真实、准确、完整；今后将严格遵守法律、法规和规章，诚信经营。如违反本承诺，自愿接受有关部门依法依规作出的处理，并同意将违反信用修复承诺的情况记入本单位（本人）信用记录，依法向社会公开。",
                            "accepted": true}}""";

    static final String SUBMITTED = """
            {"id": "318", "recordId": "1048576", "subjectUscc": "91659001MA00000152", "departmentUscc": "11659001MB0000019Q",
             "applicantType": "subject", "severity": "general", "obligations": "罚款5000元已于2026年3月2日缴清，违法标签已全部更换",
             "evidence": ["6f0c2a8e-1d4b-4c3a-9e7f-2b5d8c1a0e94"],
             "commitmentText": "本单位（本人）郑重承诺：已纠正失信行为、履行完毕法定责任和义务……", "state": "submitted",
             "submittedAt": "2026-12-04T09:02:11+08:00", "dueOn": "2026-12-09", "answerBy": "2026-12-18", "overdue": false, "version": 0,
             "events": [{"id": "9101", "workflow": "repair", "caseId": "318", "transition": "submitted", "to": "submitted",
                         "actor": "subject", "actorUscc": "91659001MA00000152", "reason": "罚款5000元已于2026年3月2日缴清，违法标签已全部更换",
                         "occurredAt": "2026-12-04T09:02:11+08:00"}]}""";

    static final String DECISION = """
            {"outcome": "approved", "reason": "经核实，罚款已缴清、违法行为已纠正，同意信用修复", "version": 0}""";

    static final String REJECTION = """
            {"outcome": "rejected", "reason": "缴款凭证与处罚决定书金额不符，请补充材料后重新申请", "version": 0}""";

    static final String APPROVED = """
            {"id": "318", "recordId": "1048576", "subjectUscc": "91659001MA00000152", "departmentUscc": "11659001MB0000019Q",
             "applicantType": "subject", "severity": "general", "obligations": "罚款5000元已于2026年3月2日缴清，违法标签已全部更换",
             "evidence": ["6f0c2a8e-1d4b-4c3a-9e7f-2b5d8c1a0e94"],
             "commitmentText": "本单位（本人）郑重承诺：已纠正失信行为、履行完毕法定责任和义务……", "state": "approved",
             "submittedAt": "2026-12-04T09:02:11+08:00", "dueOn": "2026-12-09", "answerBy": "2026-12-18", "overdue": false,
             "decidedAt": "2026-12-08T15:30:00+08:00", "decisionReason": "经核实，罚款已缴清、违法行为已纠正，同意信用修复",
             "handlingWorkingDays": 2, "version": 1,
             "events": [
               {"id": "9101", "workflow": "repair", "caseId": "318", "transition": "submitted", "to": "submitted", "actor": "subject",
                "actorUscc": "91659001MA00000152", "occurredAt": "2026-12-04T09:02:11+08:00"},
               {"id": "9102", "workflow": "repair", "caseId": "318", "transition": "approved", "from": "submitted", "to": "approved",
                "actor": "department", "actorUscc": "11659001MB0000019Q", "reason": "经核实，罚款已缴清、违法行为已纠正，同意信用修复",
                "occurredAt": "2026-12-08T15:30:00+08:00"}]}""";

    static final String TOO_EARLY = """
            {"type": "https://api.opencredit.cn/problems/conflict", "title": "Conflict", "status": 409,
             "detail": "the shortest publication period of a general failing decided on 2026-11-20 ends on 2027-02-19: repair may be applied for from 2027-02-20",
             "instance": "/api/v1/repair-applications", "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
             "errors": [{"field": "recordId", "code": "too-early",
                         "message": "the shortest publication period of a general failing decided on 2026-11-20 ends on 2027-02-19: repair may be applied for from 2027-02-20"}],
             "eligibleFrom": "2027-02-20"}""";

    static final String STALE = """
            {"type": "https://api.opencredit.cn/problems/conflict", "title": "Conflict", "status": 409,
             "detail": "Repair application 318 is at version 1, not 0; read it again and decide on what it is now",
             "instance": "/api/v1/repair-applications/318/decision", "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"}""";

    static final String COMMITMENT_TEXT = """
            {"text": "本单位（本人）郑重承诺：已纠正失信行为、履行完毕法定责任和义务，所提交的信用修复申请材料真实、准确、完整；今后将严格遵守法律、法规和规章，诚信经营。如违反本承诺，自愿接受有关部门依法依规作出的处理，并同意将违反信用修复承诺的情况记入本单位（本人）信用记录，依法向社会公开。"}""";

    static final String STATISTICS = """
            {"items": [{"departmentUscc": "11659001MB0000019Q", "month": "2026-12", "submitted": 14, "approved": 9, "rejected": 3,
                        "publicationEnded": 0, "open": 2, "overdue": 1, "averageHandlingWorkingDays": 2.25}]}""";

    private RepairExamples() {
    }
}
