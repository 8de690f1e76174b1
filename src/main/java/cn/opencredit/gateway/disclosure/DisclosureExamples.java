package cn.opencredit.gateway.disclosure;

/** OpenAPI example bodies of the disclosure listing. */
final class DisclosureExamples {

    static final String PAGE = """
            {
              "items": [
                {"subject": {"uscc": "91410526MA9GQWXK0J", "name": "滑县恒信农业发展有限公司", "regionCode": "410526"},
                 "record": {"id": "1048576", "category": "penalty", "title": "行政处罚决定书", "decisionNumber": "滑市监罚〔2026〕118号",
                            "decisionDate": "2026-09-14", "reportedOn": "2026-09-18",
                            "sourceDepartment": {"name": "滑县市场监督管理局", "uscc": "11410526MB1C37623U"},
                            "content": "销售标签不符合规定的预包装食品，责令改正并处罚款", "legalBasis": "《中华人民共和国食品安全法》第一百二十五条",
                            "severity": "general", "amount": {"amount": "5000.00", "currency": "CNY"}, "publishedFrom": "2026-09-14",
                            "publishedUntil": "2027-09-14", "status": "disputed", "disputed": true}}
              ],
              "nextCursor": "MR83YTNmMDFiYx8yMDI2LTA5LTE0HzEwNDg1NzY"
            }""";

    static final String INVALID_PARAMETERS = """
            {
              "type": "https://api.opencredit.cn/problems/invalid-parameter",
              "title": "Invalid request parameter",
              "status": 400,
              "detail": "to must be an ISO 8601 date such as 2026-09-14",
              "instance": "/api/v1/disclosures",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [{"field": "to", "code": "format", "message": "to must be an ISO 8601 date such as 2026-09-14", "expected": "YYYY-MM-DD"}]
            }""";

    static final String INVALID_DEPARTMENT = """
            {
              "type": "https://api.opencredit.cn/problems/invalid-uscc",
              "title": "Invalid unified social credit code",
              "status": 400,
              "detail": "USCC 11410526MB1C37623X: check character (position 18) is 'X', expected 'U'",
              "instance": "/api/v1/disclosures",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [{"field": "department", "code": "check-character", "message": "check character (position 18) is 'X', expected 'U'",
                          "expected": "U"}]
            }""";

    private DisclosureExamples() {
    }
}
