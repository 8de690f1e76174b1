package cn.opencredit.gateway.sampling;

/** OpenAPI example bodies of the sampling endpoints. */
final class SamplingExamples {

    private SamplingExamples() {
    }

    static final String CREATE = """
            {
              "title": "2026年第四季度食品生产企业双随机抽查",
              "departmentName": "石河子市市场监督管理局",
              "sector": "food",
              "region": "659001",
              "industries": ["C", "F"],
              "subjectTypes": ["enterprise", "individual-business"],
              "excludeInspectedWithinMonths": 6,
              "perGrade": {"A": {"ratio": 0.02}, "D": {"size": 10}},
              "seed": "2026Q4-food-659001"
            }""";

    static final String CREATE_BY_OPERATOR = """
            {
              "title": "2026年度特种设备使用单位双随机抽查",
              "departmentUscc": "11659001MB0000019Q",
              "departmentName": "石河子市市场监督管理局",
              "sector": "special-equipment",
              "region": "6590"
            }""";

    static final String PLAN = """
            {
              "id": "12",
              "title": "2026年第四季度食品生产企业双随机抽查",
              "departmentUscc": "11659001MB0000019Q",
              "departmentName": "石河子市市场监督管理局",
              "sector": "food",
              "sectorZh": "食品",
              "region": "659001",
              "industries": ["C", "F"],
              "subjectTypes": ["enterprise", "individual-business"],
              "excludeInspectedWithinMonths": 6,
              "inspectedSince": "2026-06-04",
              "trustedExempt": false,
              "asOf": "2026-12-04",
              "createdAt": "2026-12-04T10:15:30.123+08:00",
              "seed": "2026Q4-food-659001",
              "seedSource": "client",
              "algorithm": "hmac-sha256-rank-v1",
              "modelVersion": "2026.1",
              "populationSha256": "34a4a1b81b50fac0fc1e90367c2d9397b8cc91d9cfa6b485e98985826d619b72",
              "populationSize": 1184,
              "excluded": {"recentlyInspected": 31, "trustedExempt": 0},
              "grades": [
                {"grade": "A", "gradeZh": "优", "population": 150, "ratio": 0.02, "source": "plan", "drawn": 3},
                {"grade": "B", "gradeZh": "良", "population": 760, "ratio": 0.03, "source": "model", "drawn": 23},
                {"grade": "C", "gradeZh": "中", "population": 240, "ratio": 0.1, "source": "model", "drawn": 24},
                {"grade": "D", "gradeZh": "差", "population": 34, "size": 10, "source": "plan", "drawn": 10}
              ],
              "sampleSize": 60,
              "reported": 12
            }""";

    static final String PAGE = """
            {"items": [""" + PLAN + "], \"nextCursor\": null}";

    static final String POPULATION = """
            {"items": [
              {"uscc": "91659001MA00000152", "grade": "B"},
              {"uscc": "91659001MA0000023W", "grade": "C"}],
             "nextCursor": "MRw3ZTJhMWMwNB85MTY1OTAwMU1BMDAwMDAyM1c"}""";

    static final String SAMPLE = """
            {"items": [
              {"uscc": "91659001MA00000152", "name": "石河子恒通物流有限公司", "grade": "B", "gradeZh": "良", "rank": 4,
               "hmac": "e90af03ea676f9f5101a81c6196546b708888ae3ef415da043fe822afdbfde6f",
               "result": {"inspectedOn": "2026-12-10", "outcome": "corrected", "outcomeZh": "发现问题已责令改正",
                          "findings": "冷藏柜温度记录不全，已当场责令改正", "decisionNumber": "石市监检〔2026〕031号", "recordId": "1048577",
                          "reportedAt": "2026-12-10T16:20:00+08:00"}},
              {"uscc": "91659001MA0000023W", "name": "石河子天山果业有限公司", "grade": "C", "gradeZh": "中", "rank": 2,
               "hmac": "773137487b481ab13688e2846f522867cdab7b52d202aea32ba88f59018f0631"}],
             "nextCursor": null}""";

    static final String RESULTS = """
            {"rows": [
              {"uscc": "91659001MA00000152", "inspectedOn": "2026-12-10", "outcome": "corrected",
               "findings": "冷藏柜温度记录不全，已当场责令改正", "decisionNumber": "石市监检〔2026〕031号"},
              {"uscc": "91659001MA0000023W", "inspectedOn": "2026-12-11", "outcome": "passed"}]}""";

    static final String REPORTED = """
            {"planId": "12", "reported": 1, "items": [
              {"uscc": "91659001MA00000152", "name": "石河子恒通物流有限公司", "grade": "B", "gradeZh": "良", "rank": 4,
               "hmac": "e90af03ea676f9f5101a81c6196546b708888ae3ef415da043fe822afdbfde6f",
               "result": {"inspectedOn": "2026-12-10", "outcome": "corrected", "outcomeZh": "发现问题已责令改正",
                          "findings": "冷藏柜温度记录不全，已当场责令改正", "decisionNumber": "石市监检〔2026〕031号", "recordId": "1048577",
                          "reportedAt": "2026-12-10T16:20:00+08:00"}}]}""";

    static final String INVALID = """
            {
              "type": "https://api.opencredit.cn/problems/validation-failed",
              "title": "Request validation failed",
              "status": 400,
              "detail": "a ratio is from 0 to 1, not 1.5",
              "instance": "/api/v1/inspection-plans",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [
                {"field": "perGrade.C.ratio", "code": "out-of-range", "message": "a ratio is from 0 to 1, not 1.5", "expected": "0..1"},
                {"field": "perGrade.D", "code": "ratio-and-size", "message": "grade D is sized by a ratio or by a size, not both"}
              ]
            }""";

    static final String OTHER_SCOPE = """
            {
              "type": "https://api.opencredit.cn/problems/forbidden",
              "title": "Access denied",
              "status": 403,
              "detail": "region 6501 is outside this department's scope 659001: a department draws from its own region only",
              "instance": "/api/v1/inspection-plans",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [{"field": "region", "code": "other-scope",
                          "message": "region 6501 is outside this department's scope 659001: a department draws from its own region only",
                          "expected": "659001…"}]
            }""";

    static final String NO_MODEL = """
            {
              "type": "https://api.opencredit.cn/problems/conflict",
              "title": "Conflict",
              "status": 409,
              "detail": "No scoring model is in force to give the sampling ratios of the grades this plan does not size; size every grade in perGrade, or publish a model first",
              "instance": "/api/v1/inspection-plans",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"
            }""";

    static final String NOT_FOUND = """
            {
              "type": "https://api.opencredit.cn/problems/not-found",
              "title": "Resource not found",
              "status": 404,
              "detail": "No inspection plan with id 12",
              "instance": "/api/v1/inspection-plans/12",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"
            }""";

    static final String NOT_IN_SAMPLE = """
            {
              "type": "https://api.opencredit.cn/problems/validation-failed",
              "title": "Request validation failed",
              "status": 400,
              "detail": "91659001MA0000023W is not in the sample of plan 12; only sampled subjects are reported",
              "instance": "/api/v1/inspection-plans/12/results",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [{"field": "rows[1].uscc", "code": "not-in-sample",
                          "message": "91659001MA0000023W is not in the sample of plan 12; only sampled subjects are reported"}]
            }""";

    static final String NOT_YOUR_PLAN = """
            {
              "type": "https://api.opencredit.cn/problems/forbidden",
              "title": "Access denied",
              "status": 403,
              "detail": "Plan 12 is department 11659001MB0000019Q's: only it, or an operator, reports its results",
              "instance": "/api/v1/inspection-plans/12/results",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"
            }""";

    static final String REPORTED_ALREADY = """
            {
              "type": "https://api.opencredit.cn/problems/conflict",
              "title": "Conflict",
              "status": 409,
              "detail": "the result of 91659001MA00000152 in plan 12 was reported already; a result is reported once",
              "instance": "/api/v1/inspection-plans/12/results",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [{"field": "rows[0].uscc", "code": "reported-already",
                          "message": "the result of 91659001MA00000152 in plan 12 was reported already; a result is reported once"}]
            }""";
}
