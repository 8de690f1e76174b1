package cn.opencredit.gateway.finance;

/** Examples of the bank's pull in the contract. */
final class PackageExamples {

    static final String PACKAGE = """
            {"uscc": "91659001MA00000152", "name": "石河子恒通物流有限公司",
             "consent": {"id": "4711", "purpose": "loan-application", "categories": ["profile", "evaluation", "social-insurance", "tax"],
                         "validUntil": "2027-06-30T23:59:59+08:00"},
             "sections": ["profile", "evaluation", "tax", "social-insurance"],
             "assembledAt": "2026-12-05T10:15:30.123+08:00",
             "profile": {"uscc": "91659001MA00000152", "name": "石河子恒通物流有限公司", "subjectType": "enterprise", "legalRepresentative": "王建国",
                         "regionCode": "659001", "industrySection": "G", "registeredOn": "2016-03-18", "status": "active",
                         "listMemberships": [], "listHistory": [], "recordCounts": {"licence": 3}, "latestRecords": []},
             "evaluation": {"uscc": "91659001MA00000152", "name": "石河子恒通物流有限公司", "state": "evaluated", "detail": "full",
                            "grade": "B", "gradeZh": "良", "supervisionClass": "general", "supervisionClassZh": "一般监管",
                            "asOf": "2026-12-05", "evaluatedAt": "2026-12-05T09:00:01.512+08:00", "modelVersion": "2026.1", "score": 720,
                            "base": 700, "contributions": [],
                            "summaryZh": "公共信用综合评价等级为良（B），一般监管；得分720分（基础分700分，加减分合计+20分）"},
             "tax": {"creditGrades": [{"level": "A", "record": {"id": "1048570", "category": "tax-credit-grade", "title": "2025年度纳税信用等级评定",
                                       "decisionDate": "2026-04-20", "reportedOn": "2026-04-22",
                                       "sourceDepartment": {"name": "国家税务总局石河子市税务局", "uscc": "11659001MB1C37623U"},
                                       "publishedFrom": "2026-04-22", "status": "published", "disputed": false}}],
                     "payments": {"months": [{"period": "2026-11", "status": "paid", "amount": {"amount": "18230.55", "currency": "CNY"},
                                              "sourceDepartment": {"name": "国家税务总局石河子市税务局", "uscc": "11659001MB1C37623U"},
                                              "recordId": "1048576", "title": "2026年11月增值税缴纳"}],
                                  "summary": {"months": 12, "monthsReported": 12, "monthsInArrears": 0,
                                              "paid": {"amount": "201733.80", "currency": "CNY"}, "latestPeriod": "2026-11", "paidStreak": 12}}},
             "socialInsurance": {"months": [{"period": "2026-11", "status": "paid", "amount": {"amount": "46800.00", "currency": "CNY"},
                                             "sourceDepartment": {"name": "石河子市社会保险事业管理局", "uscc": "12659001MB1C3762XA"},
                                             "recordId": "1048577", "title": "2026年11月社会保险费缴纳（36人）"}],
                                 "summary": {"months": 12, "monthsReported": 11, "monthsInArrears": 1,
                                             "paid": {"amount": "468000.00", "currency": "CNY"}, "latestPeriod": "2026-11", "paidStreak": 4}}}""";

    static final String UNKNOWN_SECTION = """
            {"type": "https://api.opencredit.cn/problems/invalid-parameter", "title": "Invalid request parameter", "status": 400,
             "detail": "unknown section salary", "instance": "/api/v1/finance/subjects/91659001MA00000152/package",
             "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
             "errors": [{"field": "sections", "code": "unknown", "message": "unknown section salary",
                         "expected": "profile, evaluation, authorised-records, tax, social-insurance, housing-fund, utilities, lists, commitments"}]}""";

    static final String CONSENT_REQUIRED = """
            {"type": "https://api.opencredit.cn/problems/consent-required", "title": "Consent required", "status": 403,
             "detail": "The subject has not consented to your reading its data for loan-application or post-loan-monitoring",
             "instance": "/api/v1/finance/subjects/91659001MA00000152/package", "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"}""";

    static final String CONSENT_EXPIRED = """
            {"type": "https://api.opencredit.cn/problems/consent-expired", "title": "Consent expired", "status": 403,
             "detail": "Consent 4711 expired at 2026-12-01T23:59:59+08:00",
             "instance": "/api/v1/finance/subjects/91659001MA00000152/package", "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"}""";

    static final String CONSENT_REVOKED = """
            {"type": "https://api.opencredit.cn/problems/consent-revoked", "title": "Consent revoked", "status": 403,
             "detail": "The subject revoked consent 4711 at 2026-12-03T09:12:44+08:00",
             "instance": "/api/v1/finance/subjects/91659001MA00000152/package", "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"}""";

    static final String CATEGORY_NOT_CONSENTED = """
            {"type": "https://api.opencredit.cn/problems/category-not-consented", "title": "Category not consented", "status": 403,
             "detail": "Consent 4711 does not cover housing-fund, utilities",
             "instance": "/api/v1/finance/subjects/91659001MA00000152/package", "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
             "errors": [{"field": "category", "code": "category-not-consented", "message": "housing-fund is not consented",
                         "expected": "evaluation, profile, social-insurance, tax"},
                        {"field": "category", "code": "category-not-consented", "message": "utilities is not consented",
                         "expected": "evaluation, profile, social-insurance, tax"}]}""";

    static final String NOT_A_BANK = """
            {"type": "https://api.opencredit.cn/problems/forbidden", "title": "Forbidden", "status": 403,
             "detail": "Data packages go to banks under the subject's consent",
             "instance": "/api/v1/finance/subjects/91659001MA00000152/package", "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"}""";

    private PackageExamples() {
    }
}
