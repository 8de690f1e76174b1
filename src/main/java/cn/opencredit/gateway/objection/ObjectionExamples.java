package cn.opencredit.gateway.objection;

/** OpenAPI example bodies of the objection endpoints. */
final class ObjectionExamples {

    static final String REQUEST = """
            {"recordId": 1048576, "reason": "该处罚决定已于2026年11月20日经行政复议决定撤销，附复议决定书",
             "evidence": ["6f0c2a8e-1d4b-4c3a-9e7f-2b5d8c1a0e94"]}""";

    static final String FILED = """
            {"id": "412", "recordId": "1048576", "subjectUscc": "91659001MA00000152", "departmentUscc": "11659001MB0000019Q",
             "filerType": "subject", "filerUscc": "91659001MA00000152",
             "reason": "该处罚决定已于2026年11月20日经行政复议决定撤销，附复议决定书", "evidence": ["6f0c2a8e-1d4b-4c3a-9e7f-2b5d8c1a0e94"],
             "state": "filed", "filedAt": "2026-12-04T09:02:11+08:00", "dueOn": "2026-12-18", "overdue": false, "version": 0,
             "events": [{"id": "9001", "workflow": "objection", "caseId": "412", "transition": "filed", "to": "filed", "actor": "subject",
                         "actorUscc": "91659001MA00000152", "reason": "该处罚决定已于2026年11月20日经行政复议决定撤销，附复议决定书",
                         "occurredAt": "2026-12-04T09:02:11+08:00"}]}""";

    static final String DECISION = """
            {"outcome": "revoked", "reason": "经核实，原处罚决定已被复议机关撤销", "version": 0}""";

    static final String CORRECTION = """
            {"outcome": "corrected", "reason": "处罚决定书文号录入有误，已更正", "version": 0,
             "correction": {"decisionNumber": "石市监罚〔2026〕118号"}}""";

    static final String WITHDRAWAL = """
            {"reason": "已与处罚机关沟通，撤回异议", "version": 0}""";

    static final String DECIDED = """
            {"id": "412", "recordId": "1048576", "subjectUscc": "91659001MA00000152", "departmentUscc": "11659001MB0000019Q",
             "filerType": "subject", "filerUscc": "91659001MA00000152", "reason": "该处罚决定已于2026年11月20日经行政复议决定撤销，附复议决定书",
             "evidence": [], "state": "revoked", "filedAt": "2026-12-04T09:02:11+08:00", "dueOn": "2026-12-18", "overdue": false,
             "decidedAt": "2026-12-08T15:30:00+08:00", "decisionReason": "经核实，原处罚决定已被复议机关撤销", "version": 1,
             "events": [
               {"id": "9001", "workflow": "objection", "caseId": "412", "transition": "filed", "to": "filed", "actor": "subject",
                "actorUscc": "91659001MA00000152", "occurredAt": "2026-12-04T09:02:11+08:00"},
               {"id": "9002", "workflow": "objection", "caseId": "412", "transition": "decided", "from": "filed", "to": "revoked",
                "actor": "department", "actorUscc": "11659001MB0000019Q", "reason": "经核实，原处罚决定已被复议机关撤销",
                "occurredAt": "2026-12-08T15:30:00+08:00"}]}""";

    static final String STALE = """
            {"type": "https://api.opencredit.cn/problems/conflict", "title": "Conflict", "status": 409,
             "detail": "Objection 412 is at version 1, not 0; read it again and decide on what it is now",
             "instance": "/api/v1/objections/412/decision", "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"}""";

    private ObjectionExamples() {
    }
}
