package cn.opencredit.gateway.incentive;

/** Examples of 信易+ in the contract. */
final class IncentiveExamples {

    static final String SCENARIO = """
            {"name": "信易批", "provider": "石河子市政务服务中心", "subjectKinds": ["enterprise", "individual-business"],
             "benefit": "容缺受理、优先办理行政审批事项", "validFrom": "2026-01-01", "validUntil": "2027-12-31",
             "conditions": [
               {"name": "grade-a-or-b", "expression": "grade in ['A', 'B']", "reasonZh": "公共信用综合评价等级须为优（A）或良（B）"},
               {"name": "not-listed", "expression": "!lists.exists(l, l in ['black', 'watch', 'dishonest-debtor'])",
                "reasonZh": "在严重失信主体名单、重点关注名单或失信被执行人名单中"},
               {"name": "no-penalty-3y",
                "expression": "records.filter(r, r.category == 'penalty' && r.severityRank >= 2 && r.ageDays <= 1095).size() == 0",
                "measure": "records.filter(r, r.category == 'penalty' && r.severityRank >= 2 && r.ageDays <= 1095).size()",
                "reasonZh": "近三年有一般及以上行政处罚"}]}""";

    static final String SCENARIO_VIEW = """
            {"code": "fast-approval", "name": "信易批", "provider": "石河子市政务服务中心", "subjectKinds": ["enterprise", "individual-business"],
             "benefit": "容缺受理、优先办理行政审批事项", "validFrom": "2026-01-01", "validUntil": "2027-12-31",
             "conditions": [{"name": "grade-a-or-b", "expression": "grade in ['A', 'B']", "reasonZh": "公共信用综合评价等级须为优（A）或良（B）"}],
             "version": 0}""";

    static final String CATALOGUE = "{\"items\": [" + SCENARIO_VIEW + "]}";

    static final String BAD_RULE = """
            {"type": "https://api.opencredit.cn/problems/validation-failed", "title": "Request validation failed", "status": 400,
             "detail": "The scenario cannot be saved: line 1, column 1: undeclared reference to 'turnover' (in container '')",
             "instance": "/api/v1/admin/incentives/fast-approval",
             "errors": [{"field": "conditions[0].expression", "code": "invalid-rule",
                         "message": "line 1, column 1: undeclared reference to 'turnover' (in container '')"}]}""";

    static final String ELIGIBILITY = """
            {"uscc": "91659001MA00000152", "catalogueRevision": 8, "evaluatedAt": "2026-12-05T10:15:30.123+08:00",
             "scenarios": [
               {"code": "fast-approval", "name": "信易批", "provider": "石河子市政务服务中心", "benefit": "容缺受理、优先办理行政审批事项",
                "eligible": false,
                "unmet": [{"condition": "grade-a-or-b", "reasonZh": "公共信用综合评价等级须为优（A）或良（B）", "facts": {"grade": "C"}},
                          {"condition": "no-penalty-3y", "reasonZh": "近三年有一般及以上行政处罚", "facts": {}, "measured": 2}]},
               {"code": "bank-tax", "name": "银税互动", "provider": "国家税务总局石河子市税务局", "benefit": "凭纳税信用获得信用贷款",
                "eligible": true, "unmet": []}]}""";

    static final String PERSON_ELIGIBILITY = """
            {"person": {"id": "0b6f1c1e-8a0e-4a53-9d43-54a1a3c1d2e4", "name": "张三", "identityNumber": "659001********1234",
                        "occupation": "teacher"},
             "catalogueRevision": 8, "evaluatedAt": "2026-12-05T10:15:30.123+08:00",
             "scenarios": [{"code": "library-deposit-waiver", "name": "信易阅", "provider": "石河子市图书馆", "benefit": "免押金借阅图书",
                            "eligible": true, "unmet": []}]}""";

    static final String BATCH = """
            {"subjects": ["91659001MA00000152", "91659001MA0000016X"]}""";

    static final String BATCH_VIEW = """
            {"scenario": "fast-approval", "catalogueRevision": 8,
             "results": [{"uscc": "91659001MA00000152", "found": true, "eligible": true, "unmet": []},
                         {"uscc": "91659001MA0000016X", "found": false, "error": "subject-not-found"}]}""";

    static final String TOO_MANY = """
            {"type": "https://api.opencredit.cn/problems/payload-too-large", "title": "Payload too large", "status": 413,
             "detail": "A batch check names at most 1000 subjects, not 1001", "instance": "/api/v1/incentives/fast-approval/checks",
             "errors": [{"field": "subjects", "code": "too-many-subjects", "message": "at most 1000"}]}""";

    private IncentiveExamples() {
    }
}
