package cn.opencredit.gateway.record;

/** OpenAPI example bodies of the record endpoints. */
final class RecordExamples {

    static final String PAGE = """
            {
              "items": [
                {"id": "1048576", "category": "penalty", "title": "行政处罚决定书", "decisionNumber": "滑市监罚〔2026〕118号",
                 "decisionDate": "2026-09-14", "reportedOn": "2026-09-18",
                 "sourceDepartment": {"name": "滑县市场监督管理局", "uscc": "11410526MB1C37623U"},
                 "content": "销售标签不符合规定的预包装食品，责令改正并处罚款", "legalBasis": "《中华人民共和国食品安全法》第一百二十五条",
                 "severity": "general", "amount": {"amount": "5000.00", "currency": "CNY"}, "publishedFrom": "2026-09-14",
                 "publishedUntil": "2027-09-14", "status": "published", "disputed": false}
              ],
              "nextCursor": "MR80YjM1YzFhYR8yMDI2LTA5LTE0HzEwNDg1NzY"
            }""";

    static final String INVALID_CATEGORY = """
            {
              "type": "https://api.opencredit.cn/problems/invalid-parameter",
              "title": "Invalid request parameter",
              "status": 400,
              "detail": "category must be one of: licence, penalty, coercion, confirmation, levy, payment, adjudication, compensation, reward, inspection, judicial, commitment, honour, tax-credit-grade, industry-rating",
              "instance": "/api/v1/subjects/914403001922038216/records",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [{"field": "category", "code": "unknown-value", "message": "category must be one of: licence, penalty, …", "expected": "licence, penalty, …"}]
            }""";

    static final String NOT_FOUND = """
            {
              "type": "https://api.opencredit.cn/problems/subject-not-found",
              "title": "Subject not found",
              "status": 404,
              "detail": "No subject with USCC 914403001922038216 is registered",
              "instance": "/api/v1/subjects/914403001922038216/records",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"
            }""";

    private RecordExamples() {
    }
}
