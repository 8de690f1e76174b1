package cn.opencredit.gateway.creditcheck;

/** OpenAPI examples of the credit-check operations. */
final class CreditCheckExamples {

    static final String REQUEST = """
            {"scenario": "government-procurement", "subjects": ["91659001MA00000152", "91659001MA00000X"],
             "caseReference": "石财采〔2026〕88号", "purpose": "政府采购供应商资格审查"}""";

    static final String CHECK = """
            {"id": "4711", "scenario": "government-procurement", "scenarioName": "政府采购", "caseReference": "石财采〔2026〕88号",
             "purpose": "政府采购供应商资格审查", "checkedBy": {"name": "石河子市财政局", "departmentUscc": "11659001MB0000019Q"},
             "checkedAt": "2026-12-05T10:15:30+08:00", "summary": {"subjects": 2, "checked": 1, "punished": 1, "rewarded": 0},
             "subjects": [
              {"uscc": "91659001MA00000152", "status": "checked", "name": "石河子恒通物流有限公司", "grade": "D", "gradeName": "差",
               "receiptId": "4711-0001", "measures": [
                {"code": "P-DEBTOR-PROCUREMENT", "name": "限制参与政府采购活动", "kind": "punishment",
                 "basis": {"document": "《关于对失信被执行人实施联合惩戒的合作备忘录》（发改财金〔2016〕141号）", "clause": "二、联合惩戒措施（二）"},
                 "departments": ["财政局", "公共资源交易中心"],
                 "triggeredBy": {"listEntries": [{"id": "2048", "type": "dishonest-debtor", "authority": "石河子市人民法院",
                   "includedAt": "2026-03-02T09:00:00+08:00", "reason": "有履行能力而拒不履行生效法律文书确定义务"}], "records": []}}]},
              {"uscc": "91659001MA00000X", "status": "invalid-uscc", "errors": [{"field": "uscc", "code": "length",
               "message": "a USCC has 18 characters, this one 16"}]}]}""";

    static final String UNKNOWN_SCENARIO = """
            {"type": "https://api.opencredit.cn/problems/invalid-parameter", "title": "Invalid request parameter", "status": 400,
             "detail": "Unknown scenario 'lottery'; known scenarios: government-procurement (政府采购), bidding (招标投标), fiscal-funds (财政性资金), \
            administrative-approval (行政审批), honours (评优评先), state-land (国有土地出让), market-access (市场准入), public-employment (公职录用)",
             "instance": "/api/v1/credit-checks",
             "errors": [{"field": "scenario", "code": "unknown-scenario", "message": "Unknown scenario 'lottery'", \
            "expected": "government-procurement (政府采购), bidding (招标投标), …"}]}""";

    static final String TOO_MANY = """
            {"type": "https://api.opencredit.cn/problems/payload-too-large", "title": "Payload too large", "status": 413,
             "detail": "1001 subjects sent; one check takes at most 1000, send the rest in another check", "instance": "/api/v1/credit-checks",
             "errors": [{"field": "subjects", "code": "too-many-subjects", "message": "1001 subjects sent; one check takes at most 1000, send the \
            rest in another check", "expected": "at most 1000"}]}""";

    static final String FEEDBACK_REQUEST = """
            {"items": [{"receiptId": "4711-0001", "measureCode": "P-DEBTOR-PROCUREMENT", "caseReference": "石财采〔2026〕88号",
              "appliedOn": "2026-12-05", "result": "该供应商为失信被执行人，取消其本次政府采购投标资格"}]}""";

    static final String FEEDBACK = """
            {"checkId": "4711", "items": [{"id": "88", "receiptId": "4711-0001", "subjectUscc": "91659001MA00000152",
              "measureCode": "P-DEBTOR-PROCUREMENT", "caseReference": "石财采〔2026〕88号", "appliedOn": "2026-12-05",
              "result": "该供应商为失信被执行人，取消其本次政府采购投标资格", "reportedAt": "2026-12-05T11:02:00+08:00"}]}""";

    static final String APPROVALS_REQUEST = """
            {"scenario": "government-procurement", "month": "2026-11", "approvals": 120}""";

    static final String APPROVALS = """
            {"departmentUscc": "11659001MB0000019Q", "scenario": "government-procurement", "month": "2026-11", "approvals": 120,
             "reportedAt": "2026-12-01T09:00:00+08:00"}""";

    static final String STATISTICS = """
            {"from": "2026-11", "to": "2026-11", "rows": [{"departmentUscc": "11659001MB0000019Q", "scenario": "government-procurement",
              "month": "2026-11", "checks": 96, "casesChecked": 90, "subjectsChecked": 310, "subjectsWithMeasures": 7, "measuresTriggered": 9,
              "measuresApplied": 6, "approvals": 120, "checkRate": "0.7500"}]}""";

    static final String MEASURE_REQUEST = """
            {"name": "限制参与政府采购活动", "kind": "punishment",
             "basis": {"document": "《关于对失信被执行人实施联合惩戒的合作备忘录》（发改财金〔2016〕141号）", "clause": "二、联合惩戒措施（二）"},
             "triggers": {"listTypes": ["dishonest-debtor"], "grades": [], "recordCategories": []},
             "scenarios": ["government-procurement"], "departments": ["财政局", "公共资源交易中心"], "validFrom": "2016-01-20"}""";

    static final String MEASURE = """
            {"code": "P-DEBTOR-PROCUREMENT", "name": "限制参与政府采购活动", "kind": "punishment",
             "basis": {"document": "《关于对失信被执行人实施联合惩戒的合作备忘录》（发改财金〔2016〕141号）", "clause": "二、联合惩戒措施（二）"},
             "triggers": {"listTypes": ["dishonest-debtor"], "grades": [], "recordCategories": []},
             "scenarios": ["government-procurement"], "departments": ["财政局", "公共资源交易中心"], "validFrom": "2016-01-20", "version": 0}""";

    static final String MEASURES = "[" + MEASURE + "]";

    private CreditCheckExamples() {
    }
}
