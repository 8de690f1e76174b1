package cn.opencredit.gateway.profile;

/** OpenAPI example bodies of the profile endpoint. */
final class ProfileExamples {

    static final String PROFILE = """
            {
              "uscc": "91410526MA9GQWXK0J",
              "name": "滑县恒信农业发展有限公司",
              "subjectType": "enterprise",
              "legalRepresentative": "王建国",
              "regionCode": "410526",
              "industrySection": "A",
              "registeredOn": "2016-05-12",
              "status": "active",
              "registeredCapital": {"amount": "5000000.00", "currency": "CNY"},
              "address": "河南省安阳市滑县道口镇文明路18号",
              "listMemberships": [
                {"id": "2048", "listType": "red", "authority": "滑县税务局", "authorityUscc": "11410526MB1C37623U",
                 "reason": "纳税信用A级纳税人", "legalBasis": "《纳税信用管理办法》", "includedAt": "2026-04-01T09:00:00+08:00",
                 "expiresAt": "2027-03-31T23:59:59+08:00"}
              ],
              "listHistory": [
                {"id": "2048", "listType": "red", "subjectUscc": "91410526MA9GQWXK0J", "subjectName": "滑县恒信农业发展有限公司",
                 "authority": "滑县税务局", "authorityUscc": "11410526MB1C37623U", "reason": "纳税信用A级纳税人",
                 "legalBasis": "《纳税信用管理办法》", "includedAt": "2026-04-01T09:00:00+08:00",
                 "expiresAt": "2027-03-31T23:59:59+08:00", "current": true},
                {"id": "1024", "listType": "abnormal", "subjectUscc": "91410526MA9GQWXK0J", "subjectName": "滑县恒信农业发展有限公司",
                 "authority": "滑县市场监督管理局", "authorityUscc": "11410526MB1C37623U", "reason": "未按规定公示年度报告",
                 "legalBasis": "《企业经营异常名录管理暂行办法》第四条", "includedAt": "2024-07-01T09:00:00+08:00", "current": false,
                 "removal": {"removedAt": "2024-09-12T15:20:00+08:00", "reason": "repaired", "note": "已补报并公示2023年度报告"}}
              ],
              "recordCounts": {"licence": 4, "penalty": 1},
              "latestRecords": [
                {"id": "1048576", "category": "penalty", "title": "行政处罚决定书", "decisionNumber": "滑市监罚〔2026〕118号",
                 "decisionDate": "2026-09-14", "reportedOn": "2026-09-18",
                 "sourceDepartment": {"name": "滑县市场监督管理局", "uscc": "11410526MB1C37623U"},
                 "content": "销售标签不符合规定的预包装食品，责令改正并处罚款", "legalBasis": "《中华人民共和国食品安全法》第一百二十五条",
                 "severity": "general", "amount": {"amount": "5000.00", "currency": "CNY"}, "publishedFrom": "2026-09-14",
                 "publishedUntil": "2027-09-14", "status": "published", "disputed": false}
              ]
            }""";

    static final String INVALID_USCC = """
            {
              "type": "https://api.opencredit.cn/problems/invalid-uscc",
              "title": "Invalid unified social credit code",
              "status": 400,
              "detail": "USCC 914403001922038217: check character (position 18) is '7', expected '6'",
              "instance": "/api/v1/subjects/914403001922038217",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [{"field": "uscc", "code": "check-character", "message": "check character (position 18) is '7', expected '6'", "expected": "6"}]
            }""";

    static final String NOT_FOUND = """
            {
              "type": "https://api.opencredit.cn/problems/subject-not-found",
              "title": "Subject not found",
              "status": 404,
              "detail": "No subject with USCC 914403001922038216 is registered",
              "instance": "/api/v1/subjects/914403001922038216",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"
            }""";

    private ProfileExamples() {
    }
}
