package cn.opencredit.gateway.sandbox;

/** OpenAPI examples of the sandbox's operations. */
final class SandboxExamples {

    static final String CREATE_BANK = """
            {"name": "测试银行信易贷对接", "type": "bank"}""";

    static final String CREATE_SUBJECT = """
            {"name": "测试企业（扮演信用主体）", "type": "subject", "boundUscc": "91110108MA01ABCD2X"}""";

    static final String CONSUMER = """
            {
              "consumer": {
                "id": "0b6f3c1e-6a53-4f7e-9a55-3c7d2f0c9e11",
                "name": "测试银行信易贷对接",
                "type": "bank",
                "scopes": ["public:read", "authorised:read", "finance:read"],
                "plan": "sandbox",
                "status": "active",
                "createdAt": "2026-12-05T10:15:30+08:00",
                "updatedAt": "2026-12-05T10:15:30+08:00",
                "keys": []
              },
              "key": {"id": "5d0c9e3a-2f41-4b7a-8c6e-1a2b3c4d5e6f", "key": "ocg_test_Xk3v9QaZr0s8F1nB2yT7uVwLq4eMhJcD", "prefix": "ocg_test_Xk3",
                      "createdAt": "2026-12-05T10:15:30+08:00"}
            }""";

    static final String RESET = """
            {"resetAt": "2026-12-06T03:00:41+08:00", "subjects": 3000, "records": 12034, "listEntries": 211, "consumersKept": 57,
             "durationMillis": 40872}""";

    private SandboxExamples() {
    }
}
