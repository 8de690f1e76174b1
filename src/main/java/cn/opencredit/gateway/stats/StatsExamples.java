package cn.opencredit.gateway.stats;

/** OpenAPI example bodies of the statistics. */
final class StatsExamples {

    static final String DISCLOSURES = """
            {
              "computedAt": "2026-11-23T10:15:00.123456+08:00",
              "from": "2026-01-01",
              "to": "2026-10-31",
              "departments": [
                {"department": {"name": "滑县市场监督管理局", "uscc": "11410526MB1C37623U"}, "licences": 1824, "penalties": 213,
                 "timed": 2037, "onTime": 1942, "late": 95, "onTimeRate": 0.9534}
              ],
              "regions": [
                {"regionCode": "410526", "subjects": 38215, "blackListed": 47, "blackListedShare": 0.0012}
              ]
            }""";

    static final String FROM_AFTER_TO = """
            {
              "type": "https://api.opencredit.cn/problems/invalid-parameter",
              "title": "Invalid request parameter",
              "status": 400,
              "detail": "from must not be after to",
              "instance": "/api/v1/stats/disclosures",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [{"field": "from", "code": "after-to", "message": "from must not be after to", "expected": "a date on or before 2026-01-31"}]
            }""";

    static final String WORKFLOWS = """
            {"from": "2026-01", "to": "2026-12", "months": [
              {"workflow": "objection", "departmentUscc": "11659001MB1C37623U", "month": "2026-11", "cases": 12,
               "outcomes": {"corrected": 3, "revoked": 1, "upheld": 6, "filed": 2}, "handled": 10, "averageHandlingWorkingDays": 4.6,
               "open": 2, "overdue": 1},
              {"workflow": "registration", "departmentUscc": "11659001MB1C37623U", "month": "2026-11", "cases": 5,
               "outcomes": {"verified": 4, "withdrawn": 1}, "handled": 4, "averageHandlingWorkingDays": 2.5, "open": 0, "overdue": 0}]}""";

    static final String UNKNOWN_WORKFLOW = """
            {"type": "https://api.opencredit.cn/problems/invalid-parameter", "title": "Invalid request parameter", "status": 400,
             "detail": "unknown workflow appeal", "instance": "/api/v1/stats/workflows", "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
             "errors": [{"field": "workflow", "code": "unknown", "message": "unknown workflow appeal",
                         "expected": "registration, commitment, repair, objection"}]}""";

    private StatsExamples() {
    }
}
