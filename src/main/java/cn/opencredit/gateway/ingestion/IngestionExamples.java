package cn.opencredit.gateway.ingestion;

/** OpenAPI example bodies of the ingestion endpoints. */
final class IngestionExamples {

    static final String JSON_BATCH = """
            {
              "rows": [
                {"sourceRecordId": "SZJ-CF-2026-000118", "category": "penalty", "subjectName": "石河子恒通物流有限公司",
                 "subjectUscc": "91659001MA00000152", "subjectCategory": "法人及非法人组织", "legalRepresentative": "李明",
                 "decisionNumber": "石市监罚〔2026〕118号", "title": "行政处罚决定书", "decisionDate": "2026-09-30", "reportedOn": "2026-10-12",
                 "content": "超限运输，责令改正并处罚款", "legalBasis": "《中华人民共和国公路法》第七十六条", "severity": "general",
                 "penaltyTypes": ["警告", "罚款"], "amount": "5000.00", "currency": "CNY", "publishedUntil": "2027-09-30",
                 "sourceDepartment": "石河子市市场监督管理局", "sourceDepartmentUscc": "11659001MB0000019Q"},
                {"sourceRecordId": "SZJ-XK-2026-000342", "category": "licence", "subjectName": "石河子天山果业有限公司",
                 "subjectUscc": "91659001MA0000023W", "subjectCategory": "legal-person", "decisionNumber": "石市监许〔2026〕342号",
                 "title": "食品经营许可证", "decisionDate": "2026-10-09", "content": "预包装食品销售（含冷藏冷冻食品）",
                 "sourceDepartment": "石河子市市场监督管理局", "sourceDepartmentUscc": "11659001MB0000019Q"}
              ]
            }""";

    static final String CSV_PENALTY = """
            行政处罚决定书文号,行政相对人名称,行政相对人类别,行政相对人代码_1(统一社会信用代码),法定代表人,处罚类别,处罚内容,罚款金额（万元）,\
            处罚决定日期,失信严重程度,处罚机关,处罚机关统一社会信用代码,数据来源单位,数据来源单位统一社会信用代码
            石市监罚〔2026〕118号,石河子恒通物流有限公司,法人及非法人组织,91659001MA00000152,李明,警告;罚款,"超限运输，责令改正, 并处罚款",0.5,\
            2026-09-30,一般,石河子市市场监督管理局,11659001MB0000019Q,石河子市市场监督管理局,11659001MB0000019Q
            """;

    static final String REPORT = """
            {
              "batchId": "3f6c2a9e-1d47-4c8b-9a0e-5b7d1c2e4f60",
              "format": "csv",
              "template": "penalty",
              "encoding": "gb18030",
              "notices": ["The file is not valid UTF-8 and was decoded from GB18030 (GBK); check that the names in this report read correctly"],
              "received": 3, "created": 1, "updated": 1, "unchanged": 0, "refused": 1,
              "rows": [
                {"row": 2, "sourceRecordId": "石市监罚〔2026〕118号", "outcome": "created", "errors": [],
                 "flags": [{"code": "late", "message": "reported after 2026-10-15, the 7th working day after the decision (8 working days)"}],
                 "timeliness": {"dueOn": "2026-10-15", "workingDaysToReport": 8, "late": true, "calendarCovered": true}},
                {"row": 3, "sourceRecordId": "石市监罚〔2026〕119号", "outcome": "updated", "errors": [],
                 "flags": [{"code": "name-mismatch", "message": "USCC 91659001MA0000023W is registered as 石河子天山果业有限公司, not 石河子天山果业公司; stored and flagged for review"}],
                 "timeliness": {"dueOn": "2026-10-16", "workingDaysToReport": 2, "late": false, "calendarCovered": true}},
                {"row": 4, "sourceRecordId": "石市监罚〔2026〕120号", "outcome": "refused",
                 "errors": [{"field": "行政相对人代码_1(统一社会信用代码)", "code": "check-character",
                             "message": "check character (position 18) is '3', expected '2'", "expected": "2"},
                            {"field": "失信严重程度", "code": "required", "message": "severity (轻微/一般/严重, minor/general/serious) is required for a penalty"}],
                 "flags": []}
              ]
            }""";

    static final String TOO_MANY_ROWS = """
            {
              "type": "https://api.opencredit.cn/problems/payload-too-large",
              "title": "Payload too large",
              "status": 413,
              "detail": "A batch may carry at most 5000 rows; split it into several batches",
              "instance": "/api/v1/ingest/records",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [{"field": "rows", "code": "too-many-rows", "message": "more than 5000 rows", "expected": "1..5000"}]
            }""";

    static final String KEY_REUSED = """
            {
              "type": "https://api.opencredit.cn/problems/idempotency-key-reused",
              "title": "Idempotency key reused",
              "status": 409,
              "detail": "This Idempotency-Key was used for a different batch; use a new key for a new batch",
              "instance": "/api/v1/ingest/records",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [{"field": "Idempotency-Key", "code": "reused", "message": "the key belongs to another request"}]
            }""";

    static final String NOT_A_TEMPLATE = """
            {
              "type": "https://api.opencredit.cn/problems/validation-failed",
              "title": "Request validation failed",
              "status": 400,
              "detail": "the 行政处罚 template needs a 处罚决定日期 column",
              "instance": "/api/v1/ingest/records",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [{"field": "处罚决定日期", "code": "missing-column", "message": "the 行政处罚 template needs a 处罚决定日期 column"}]
            }""";

    static final String UNREADABLE = """
            {
              "type": "https://api.opencredit.cn/problems/unsupported-media-type",
              "title": "Unsupported media type",
              "status": 415,
              "detail": "The file is neither UTF-8 nor GB18030 (GBK) text; save it as CSV UTF-8 and send it again",
              "instance": "/api/v1/ingest/records",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"
            }""";

    static final String FLAG_PAGE = """
            {
              "items": [
                {"id": "42", "kind": "name-mismatch", "batchId": "3f6c2a9e-1d47-4c8b-9a0e-5b7d1c2e4f60", "row": 3,
                 "sourceDepartmentUscc": "11659001MB0000019Q", "sourceRecordId": "石市监罚〔2026〕119号", "recordId": "1048577",
                 "subjectUscc": "91659001MA0000023W", "reportedName": "石河子天山果业公司", "registeredName": "石河子天山果业有限公司",
                 "createdAt": "2026-10-20T09:12:44.318+08:00"}
              ],
              "nextCursor": null
            }""";

    static final String RESOLUTION = """
            {"note": "数据来源单位已核实：名称为简称，代码无误"}""";

    static final String RESOLVED_FLAG = """
            {"id": "42", "kind": "name-mismatch", "batchId": "3f6c2a9e-1d47-4c8b-9a0e-5b7d1c2e4f60", "row": 3,
             "sourceDepartmentUscc": "11659001MB0000019Q", "sourceRecordId": "石市监罚〔2026〕119号", "recordId": "1048577",
             "subjectUscc": "91659001MA0000023W", "reportedName": "石河子天山果业公司", "registeredName": "石河子天山果业有限公司",
             "createdAt": "2026-10-20T09:12:44.318+08:00", "resolvedAt": "2026-10-21T15:02:10.004+08:00",
             "resolutionNote": "数据来源单位已核实：名称为简称，代码无误"}""";

    private IngestionExamples() {
    }
}
