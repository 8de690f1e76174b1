package cn.opencredit.gateway.webhook;

/** OpenAPI example bodies of the webhook endpoints. */
final class WebhookExamples {

    static final String REQUEST = """
            {"url": "https://hooks.bank.example.cn/opencredit", "description": "贷后监测：石河子支行",
             "eventTypes": ["record.failing-published", "list.entry-added", "evaluation.grade-dropped"]}""";

    static final String CREATED = """
            {"id": "12", "url": "https://hooks.bank.example.cn/opencredit", "description": "贷后监测：石河子支行",
             "eventTypes": ["record.failing-published", "list.entry-added", "evaluation.grade-dropped"], "status": "enabled",
             "createdAt": "2026-12-05T09:30:00+08:00", "updatedAt": "2026-12-05T09:30:00+08:00", "version": 0,
             "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3CrwaEJ8hRs="}""";

    static final String PATCH = """
            {"status": "enabled", "version": 3}""";

    static final String ROTATED = """
            {"secret": "whsec_3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "previousSecretValidUntil": "2026-12-06T09:30:00+08:00"}""";

    static final String DELIVERY = """
            {"id": "301", "messageId": "msg_2f9c1e7a5b3d4c6e8f0a1b2c3d4e5f60", "eventType": "record.failing-published", "state": "pending",
             "attempts": 3, "nextAttemptAt": "2026-12-05T10:02:00+08:00", "retryUntil": "2026-12-06T09:30:00+08:00", "lastStatusCode": 200, "lastError": null,
             "deliveredAt": "2026-12-05T09:30:09+08:00", "createdAt": "2026-12-05T09:30:00+08:00",
             "attemptLog": [{"attemptedAt": "2026-12-05T09:30:00+08:00", "statusCode": 503, "latencyMs": 41, "error": "HTTP 503"},
                            {"attemptedAt": "2026-12-05T09:30:03+08:00", "statusCode": null, "latencyMs": 10000, "error": "timeout"},
                            {"attemptedAt": "2026-12-05T09:30:09+08:00", "statusCode": 200, "latencyMs": 38, "error": null}]}""";

    private WebhookExamples() {
    }
}
