package cn.opencredit.gateway.finance;

/** OpenAPI examples of the 信易贷 market: the featured feed, demands, answers, outcomes and statistics. */
final class MarketExamples {

    static final String FEATURED_STATUS = """
            {"subjectUscc": "91659001MA00000152", "optedIn": true, "optedInAt": "2026-12-01T09:30:00+08:00", "listed": true,
             "requiredGrades": ["A"]}""";

    static final String FEED = """
            {"items": [
              {"uscc": "91659001MA00000152", "name": "石河子恒通物流有限公司", "regionCode": "659001", "industrySection": "G", "grade": "A",
               "gradeZh": "优", "score": 912, "optedInAt": "2026-12-01T09:30:00+08:00"}],
             "nextCursor": null}""";

    static final String DEMAND_REQUEST = """
            {"subjectUscc": "91659001MA00000152", "amount": "3000000.00", "currency": "CNY", "termMonths": 36,
             "purpose": "购置冷链运输车辆，扩大仓储能力", "guaranteeType": "credit"}""";

    static final String DEMAND_TO_BANKS = """
            {"subjectUscc": "91659001MA00000152", "amount": "800000.00", "termMonths": 12, "purpose": "支付原材料采购款",
             "guaranteeType": "guarantee", "banks": ["5d0c9e3a-2f41-4b7a-8c6e-1a2b3c4d5e6f"]}""";

    static final String DEMAND = """
            {"id": "57", "subjectUscc": "91659001MA00000152", "subjectName": "石河子恒通物流有限公司",
             "amount": {"amount": "3000000.00", "currency": "CNY"}, "termMonths": 36, "purpose": "购置冷链运输车辆，扩大仓储能力",
             "guaranteeType": "credit", "toAllBanks": true, "banks": [], "state": "accepted", "acceptedOfferId": "31",
             "createdAt": "2026-12-04T10:15:30+08:00", "closedAt": "2026-12-07T16:02:11+08:00", "version": 1,
             "responses": [
               {"id": "31", "bankId": "5d0c9e3a-2f41-4b7a-8c6e-1a2b3c4d5e6f", "decision": "offer",
                "amount": {"amount": "2000000.00", "currency": "CNY"}, "rateFrom": "3.450", "rateTo": "3.850", "termMonths": 36,
                "state": "accepted", "createdAt": "2026-12-05T11:20:00+08:00"},
               {"id": "32", "bankId": "0b7d6a51-93c4-4e0f-a8a2-6c1d2e3f4a5b", "decision": "decline", "reason": "amount-or-term",
                "state": "made", "createdAt": "2026-12-05T15:42:00+08:00"}],
             "outcomes": [],
             "events": [
               {"id": "9301", "workflow": "finance-demand", "caseId": "57", "transition": "posted", "to": "open", "actor": "subject",
                "actorUscc": "91659001MA00000152", "occurredAt": "2026-12-04T10:15:30+08:00"},
               {"id": "9322", "workflow": "finance-demand", "caseId": "57", "transition": "accepted", "from": "open", "to": "accepted",
                "actor": "subject", "actorUscc": "91659001MA00000152", "reason": "offer 31", "occurredAt": "2026-12-07T16:02:11+08:00"}]}""";

    static final String DEMANDS = """
            {"items": [
              {"id": "57", "subjectUscc": "91659001MA00000152", "subjectName": "石河子恒通物流有限公司",
               "amount": {"amount": "3000000.00", "currency": "CNY"}, "termMonths": 36, "purpose": "购置冷链运输车辆，扩大仓储能力",
               "guaranteeType": "credit", "toAllBanks": true, "state": "open", "createdAt": "2026-12-04T10:15:30+08:00", "version": 0,
               "responses": [], "outcomes": []}],
             "nextCursor": null}""";

    static final String OFFER = """
            {"decision": "offer", "amount": "2000000.00", "rateFrom": "3.450", "rateTo": "3.850", "termMonths": 36,
             "note": "可提供信用贷款，需补充近一年纳税证明"}""";

    static final String DECLINE = """
            {"decision": "decline", "reason": "amount-or-term", "note": "单户信用贷款上限100万元"}""";

    static final String ACCEPTANCE = """
            {"offerId": "31", "version": 0}""";

    static final String WITHDRAWAL = """
            {"reason": "资金需求已通过其他渠道解决", "version": 0}""";

    static final String GRANTED = """
            {"result": "granted", "amount": "2000000.00", "termMonths": 36, "rateFrom": "3.450", "rateTo": "3.450",
             "guaranteeType": "credit", "decidedOn": "2026-12-10"}""";

    static final String REFUSED = """
            {"result": "refused", "reason": "insufficient-repayment-capacity", "decidedOn": "2026-12-10"}""";

    static final String OUTCOME = """
            {"id": "12", "demandId": "57", "bankId": "5d0c9e3a-2f41-4b7a-8c6e-1a2b3c4d5e6f", "result": "granted",
             "amount": {"amount": "2000000.00", "currency": "CNY"}, "termMonths": 36, "rateFrom": "3.450", "rateTo": "3.450",
             "guaranteeType": "credit", "decidedOn": "2026-12-10", "reportedAt": "2026-12-10T17:05:00+08:00"}""";

    static final String ALREADY_REPORTED = """
            {"type": "https://api.opencredit.cn/problems/conflict", "title": "Conflict", "status": 409,
             "detail": "You reported the outcome of demand 57 already (outcome 12)", "instance": "/api/v1/finance/demands/57/outcome",
             "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"}""";

    static final String NOT_SENT = """
            {"type": "https://api.opencredit.cn/problems/not-found", "title": "Resource not found", "status": 404,
             "detail": "No demand 57 was sent to you", "instance": "/api/v1/finance/demands/57/outcome",
             "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b"}""";

    static final String STATISTICS = """
            {"from": "2026-01-01", "to": "2026-12-31",
             "totals": {"demands": 42, "demandedAmount": {"amount": "61500000.00", "currency": "CNY"}, "offers": 55, "declines": 9,
                        "acceptedOffers": 30, "loansGranted": 28, "loansRefused": 4,
                        "grantedAmount": {"amount": "39800000.00", "currency": "CNY"}, "creditLoans": 19, "creditShare": 0.6786},
             "medianDaysToLoan": 6.5,
             "byBank": [{"bankId": "5d0c9e3a-2f41-4b7a-8c6e-1a2b3c4d5e6f", "bankName": "石河子农商银行",
                         "figures": {"demands": 0, "demandedAmount": {"amount": "0.00", "currency": "CNY"}, "offers": 20, "declines": 3,
                                     "acceptedOffers": 12, "loansGranted": 11, "loansRefused": 1,
                                     "grantedAmount": {"amount": "15200000.00", "currency": "CNY"}, "creditLoans": 8, "creditShare": 0.7273}}],
             "byRegion": [{"regionCode": "659001",
                           "figures": {"demands": 42, "demandedAmount": {"amount": "61500000.00", "currency": "CNY"}, "offers": 55,
                                       "declines": 9, "acceptedOffers": 30, "loansGranted": 28, "loansRefused": 4,
                                       "grantedAmount": {"amount": "39800000.00", "currency": "CNY"}, "creditLoans": 19,
                                       "creditShare": 0.6786}}],
             "byMonth": [{"month": "2026-12",
                          "figures": {"demands": 42, "demandedAmount": {"amount": "61500000.00", "currency": "CNY"}, "offers": 55,
                                      "declines": 9, "acceptedOffers": 30, "loansGranted": 28, "loansRefused": 4,
                                      "grantedAmount": {"amount": "39800000.00", "currency": "CNY"}, "creditLoans": 19,
                                      "creditShare": 0.6786}}]}""";

    private MarketExamples() {
    }
}
