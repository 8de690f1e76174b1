package cn.opencredit.gateway.report;

/** OpenAPI examples of the credit report operations. */
final class ReportExamples {

    static final String REPORT = """
            {"platform": "公共信用信息平台", "title": "公共信用信息报告",
             "verification": {"code": "7KQ4-M2XP-9TRD-H3WB", "level": "public", "issuedAt": "2026-12-05T10:15:30+08:00",
              "validUntil": "2027-01-04T10:15:30+08:00", "url": "https://api.opencredit.cn/api/v1/reports/7KQ4-M2XP-9TRD-H3WB/verification"},
             "subject": {"uscc": "91659001MA00000152", "name": "石河子恒通物流有限公司", "subjectType": "enterprise", "regionCode": "659001",
              "status": "active", "listMemberships": [], "listHistory": [], "recordCounts": {"licence": 4}, "latestRecords": []},
             "evaluation": {"uscc": "91659001MA00000152", "name": "石河子恒通物流有限公司", "state": "evaluated", "detail": "summary",
              "grade": "B", "supervisionClass": "general",
              "summaryZh": "公共信用综合评价等级为良（B），一般监管"},
             "records": {"licence": []}, "commitments": []}""";

    static final String FORBIDDEN = """
            {"type": "https://api.opencredit.cn/problems/forbidden", "title": "Access denied", "status": 403,
             "detail": "The full report goes to the subject itself, to banks and credit agencies it consented to, and to operators; ask for level=public",
             "instance": "/api/v1/subjects/91659001MA00000152/report"}""";

    static final String VERIFICATION = """
            {"code": "7KQ4-M2XP-9TRD-H3WB", "issued": true, "subjectUscc": "91659001MA00000152", "level": "public", "format": "pdf",
             "issuedAt": "2026-12-05T10:15:30+08:00", "validUntil": "2027-01-04T10:15:30+08:00", "valid": true,
             "contentSha256": "9f2c3b1f5a0e4c7d8b6a1e2f3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7", "contentBytes": 48211, "contentMatches": false}""";

    static final String PRESENTED = """
            {"platform": "公共信用信息平台", "title": "公共信用信息报告"}""";

    private ReportExamples() {
    }
}
