package cn.opencredit.gateway.changefeed;

/** OpenAPI example bodies of the change feed. */
final class ChangeFeedExamples {

    static final String PAGE = """
            {
              "items": [
                {"position": "Y2hhbmdlczoxMDQ4NTc3", "kind": "subject", "op": "updated", "id": "91410526MA9GQWXK0J",
                 "subjectUscc": "91410526MA9GQWXK0J", "occurredAt": "2026-11-23T10:15:30.123456+08:00",
                 "data": {"uscc": "91410526MA9GQWXK0J", "name": "滑县恒信农业发展有限公司", "subjectType": "enterprise",
                          "regionCode": "410526", "status": "active", "registeredOn": "2016-05-12"}},
                {"position": "Y2hhbmdlczoxMDQ4NTc4", "kind": "record", "op": "created", "id": "1048576",
                 "subjectUscc": "91410526MA9GQWXK0J", "occurredAt": "2026-11-23T10:15:30.123456+08:00",
                 "data": {"id": "1048576", "category": "penalty", "title": "行政处罚决定书", "decisionNumber": "滑市监罚〔2026〕118号",
                          "decisionDate": "2026-09-14", "reportedOn": "2026-09-18",
                          "sourceDepartment": {"name": "滑县市场监督管理局", "uscc": "11410526MB1C37623U"},
                          "content": "销售标签不符合规定的预包装食品，责令改正并处罚款", "severity": "general",
                          "amount": {"amount": "5000.00", "currency": "CNY"}, "publishedFrom": "2026-09-14",
                          "publishedUntil": "2027-09-14", "status": "published", "disputed": false}},
                {"position": "Y2hhbmdlczoxMDQ4NTc5", "kind": "record", "op": "unpublished", "id": "1048211",
                 "subjectUscc": "91410526MA9GQWXK0J", "occurredAt": "2026-11-23T10:16:02.5+08:00"},
                {"position": "Y2hhbmdlczoxMDQ4NTgw", "kind": "list-entry", "op": "updated", "id": "2048",
                 "subjectUscc": "91410526MA9GQWXK0J", "occurredAt": "2026-11-23T10:17:45+08:00",
                 "data": {"id": "2048", "listType": "black", "subjectUscc": "91410526MA9GQWXK0J", "subjectName": "滑县恒信农业发展有限公司",
                          "authority": "滑县市场监督管理局", "authorityUscc": "11410526MB1C37623U", "reason": "拒不履行行政处罚决定，情节严重",
                          "legalBasis": "《严重违法失信名单管理办法》", "includedAt": "2025-03-01T09:00:00+08:00", "current": false,
                          "removal": {"removedAt": "2026-11-23T10:17:45+08:00", "reason": "repaired", "note": "已履行处罚决定并作出信用承诺"}}}
              ],
              "nextCursor": "Y2hhbmdlczoxMDQ4NTgw"
            }""";

    static final String INVALID_CURSOR = """
            {
              "type": "https://api.opencredit.cn/problems/invalid-cursor",
              "title": "Invalid pagination cursor",
              "status": 400,
              "detail": "Invalid cursor: the cursor is not a position of the change feed; use a position or nextCursor the feed returned",
              "instance": "/api/v1/changes",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [{"field": "after", "code": "invalid-cursor",
                          "message": "the cursor is not a position of the change feed; use a position or nextCursor the feed returned"}]
            }""";

    private ChangeFeedExamples() {
    }
}
