package cn.opencredit.gateway.access;

/** OpenAPI example bodies of the admin endpoints. */
final class AccessExamples {

    static final String CREATE_BANK = """
            {"name": "中国工商银行滑县支行", "type": "bank", "plan": "standard"}""";

    static final String CREATE_SUBJECT = """
            {"name": "华为技术有限公司", "type": "subject", "boundUscc": "914403001922038216"}""";

    static final String CONSUMER = """
            {
              "id": "0b6f3c1e-6a53-4f7e-9a55-3c7d2f0c9e11",
              "name": "中国工商银行滑县支行",
              "type": "bank",
              "scopes": ["public:read", "authorised:read"],
              "plan": "standard",
              "status": "active",
              "createdAt": "2026-11-23T10:15:30+08:00",
              "updatedAt": "2026-11-23T10:15:30+08:00",
              "keys": [{"id": "5d0c9e3a-2f41-4b7a-8c6e-1a2b3c4d5e6f", "prefix": "ocg_Xk3v9QaZ", "createdAt": "2026-11-23T10:16:02+08:00",
                        "usable": true}]
            }""";

    static final String PAGE = """
            {
              "items": [{"id": "0b6f3c1e-6a53-4f7e-9a55-3c7d2f0c9e11", "name": "中国工商银行滑县支行", "type": "bank",
                         "scopes": ["public:read", "authorised:read"], "plan": "standard", "status": "active",
                         "createdAt": "2026-11-23T10:15:30+08:00", "updatedAt": "2026-11-23T10:15:30+08:00"}],
              "nextCursor": null
            }""";

    static final String PATCH = """
            {"plan": "premium", "status": "suspended"}""";

    static final String KEY_REQUEST = """
            {"expiresAt": "2027-06-30T23:59:59+08:00"}""";

    static final String ISSUED_KEY = """
            {"id": "5d0c9e3a-2f41-4b7a-8c6e-1a2b3c4d5e6f", "key": "ocg_Xk3v9QaZr0s8F1nB2yT7uVwLq4eMhJcD", "prefix": "ocg_Xk3v9QaZ",
             "createdAt": "2026-11-23T10:16:02+08:00", "expiresAt": "2027-06-30T23:59:59+08:00"}""";

    static final String VALIDATION_FAILED = """
            {
              "type": "https://api.opencredit.cn/problems/validation-failed",
              "title": "Request validation failed",
              "status": 400,
              "detail": "a SUBJECT consumer must be bound to its USCC",
              "instance": "/api/v1/admin/consumers",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [{"field": "boundUscc", "code": "required", "message": "a SUBJECT consumer must be bound to its USCC"}]
            }""";

    static final String NOT_FOUND = """
            {
              "type": "https://api.opencredit.cn/problems/not-found",
              "title": "Resource not found",
              "status": 404,
              "detail": "No consumer with id 0b6f3c1e-6a53-4f7e-9a55-3c7d2f0c9e11",
              "instance": "/api/v1/admin/consumers/0b6f3c1e-6a53-4f7e-9a55-3c7d2f0c9e11",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"
            }""";

    private AccessExamples() {
    }
}
