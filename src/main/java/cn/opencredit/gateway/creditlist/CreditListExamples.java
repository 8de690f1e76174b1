package cn.opencredit.gateway.creditlist;

/** OpenAPI example bodies of the list endpoints. */
final class CreditListExamples {

    static final String INCLUSION = """
            {
              "subjectUscc": "91410526MA9GQWXK0J",
              "subjectName": "滑县恒信农业发展有限公司",
              "authority": "滑县市场监督管理局",
              "authorityUscc": "11410526MB1C37623U",
              "reason": "拒不履行行政处罚决定，情节严重",
              "legalBasis": "《市场监督管理严重违法失信名单管理办法》第二条",
              "includedAt": "2026-11-20T09:00:00+08:00",
              "expiresAt": "2029-11-20T09:00:00+08:00"
            }""";

    static final String ENTRY = """
            {
              "id": "2048",
              "listType": "black",
              "subjectUscc": "91410526MA9GQWXK0J",
              "subjectName": "滑县恒信农业发展有限公司",
              "authority": "滑县市场监督管理局",
              "authorityUscc": "11410526MB1C37623U",
              "reason": "拒不履行行政处罚决定，情节严重",
              "legalBasis": "《市场监督管理严重违法失信名单管理办法》第二条",
              "legalRepresentative": "王建国",
              "includedAt": "2026-11-20T09:00:00+08:00",
              "expiresAt": "2029-11-20T09:00:00+08:00",
              "current": true
            }""";

    static final String REMOVAL = """
            {"reason": "repaired", "note": "滑市监信修〔2026〕12号：已履行行政处罚决定并作出信用承诺"}""";

    static final String REMOVED_ENTRY = """
            {
              "id": "2048",
              "listType": "black",
              "subjectUscc": "91410526MA9GQWXK0J",
              "subjectName": "滑县恒信农业发展有限公司",
              "authority": "滑县市场监督管理局",
              "authorityUscc": "11410526MB1C37623U",
              "reason": "拒不履行行政处罚决定，情节严重",
              "legalBasis": "《市场监督管理严重违法失信名单管理办法》第二条",
              "includedAt": "2026-11-20T09:00:00+08:00",
              "expiresAt": "2029-11-20T09:00:00+08:00",
              "current": false,
              "removal": {"removedAt": "2027-12-01T10:30:00+08:00", "reason": "repaired",
                          "note": "滑市监信修〔2026〕12号：已履行行政处罚决定并作出信用承诺"}
            }""";

    static final String PAGE = """
            {
              "items": [
                {"id": "2048", "listType": "red", "subjectUscc": "91410526MA9GQWXK0J", "subjectName": "滑县恒信农业发展有限公司",
                 "authority": "滑县税务局", "authorityUscc": "11410526MB1C37623U", "reason": "纳税信用A级纳税人",
                 "legalBasis": "《纳税信用管理办法》", "includedAt": "2026-04-01T09:00:00+08:00",
                 "expiresAt": "2027-03-31T23:59:59+08:00", "current": true}
              ],
              "nextCursor": "MR8zZjJhYjE5ZB8yMDI2LTA0LTAxVDA5OjAwKzA4OjAwHzIwNDg"
            }""";

    static final String INVALID_TYPE = """
            {
              "type": "https://api.opencredit.cn/problems/invalid-parameter",
              "title": "Invalid request parameter",
              "status": 400,
              "detail": "type must be one of: red, black, watch, abnormal, dishonest-debtor",
              "instance": "/api/v1/lists/grey/entries",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [{"field": "type", "code": "unknown-value", "message": "type must be one of: red, black, watch, abnormal, dishonest-debtor",
                          "expected": "red, black, watch, abnormal, dishonest-debtor"}]
            }""";

    static final String VALIDATION_FAILED = """
            {
              "type": "https://api.opencredit.cn/problems/validation-failed",
              "title": "Request validation failed",
              "status": 400,
              "detail": "expiresAt must be after includedAt",
              "instance": "/api/v1/lists/black/entries",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [{"field": "expiresAt", "code": "not-after-inclusion", "message": "expiresAt must be after includedAt"}]
            }""";

    static final String SUBJECT_NOT_FOUND = """
            {
              "type": "https://api.opencredit.cn/problems/subject-not-found",
              "title": "Subject not found",
              "status": 404,
              "detail": "No subject with USCC 914403001922038216 is registered; register it before listing it",
              "instance": "/api/v1/lists/black/entries",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [{"field": "subjectUscc", "code": "not-registered",
                          "message": "No subject with USCC 914403001922038216 is registered; register it before listing it"}]
            }""";

    static final String DUPLICATE = """
            {
              "type": "https://api.opencredit.cn/problems/conflict",
              "title": "Conflict",
              "status": 409,
              "detail": "Subject 91410526MA9GQWXK0J is on the black list by authority 11410526MB1C37623U already (entry 2048); remove that entry first",
              "instance": "/api/v1/lists/black/entries",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"
            }""";

    static final String REMOVED_ALREADY = """
            {
              "type": "https://api.opencredit.cn/problems/conflict",
              "title": "Conflict",
              "status": 409,
              "detail": "List entry 2048 was removed already, at 2027-12-01T10:30+08:00",
              "instance": "/api/v1/lists/black/entries/2048/removal",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"
            }""";

    static final String NOT_FOUND = """
            {
              "type": "https://api.opencredit.cn/problems/not-found",
              "title": "Resource not found",
              "status": 404,
              "detail": "No black-list entry with id 2048",
              "instance": "/api/v1/lists/black/entries/2048",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"
            }""";

    private CreditListExamples() {
    }
}
