package cn.opencredit.gateway.subject;

/** OpenAPI example bodies of the subject endpoints. */
final class SubjectExamples {

    static final String SEARCH = """
            {
              "items": [
                {"uscc": "91410526MA9GQWXK0J", "name": "滑县恒信农业发展有限公司", "subjectType": "enterprise",
                 "regionCode": "410526", "status": "active", "registeredOn": "2016-05-12"}
              ],
              "nextCursor": "MR85ZmE3YjIxMx85MTQxMDUyNk1BOUdRV1hLMVQ"
            }""";

    static final String INVALID_PARAMETER = """
            {
              "type": "https://api.opencredit.cn/problems/invalid-parameter",
              "title": "Invalid request parameter",
              "status": 400,
              "detail": "limit must be a whole number from 1 to 100",
              "instance": "/api/v1/subjects",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [{"field": "limit", "code": "out-of-range", "message": "limit must be a whole number from 1 to 100", "expected": "1..100"}]
            }""";

    private SubjectExamples() {
    }
}
