package cn.opencredit.gateway.evaluation;

/** OpenAPI example bodies of the evaluation endpoints. */
final class EvaluationExamples {

    static final String SUMMARY = """
            {
              "uscc": "91410526MA9GQWXK0J", "name": "滑县恒信农业发展有限公司", "state": "evaluated", "detail": "summary",
              "grade": "B", "gradeZh": "良", "supervisionClass": "general", "supervisionClassZh": "一般监管",
              "asOf": "2026-12-04", "evaluatedAt": "2026-12-04T10:15:30.123+08:00", "modelVersion": "2026.1",
              "summaryZh": "公共信用综合评价等级为良（B），一般监管"
            }""";

    static final String FULL = """
            {
              "uscc": "91410526MA9GQWXK0J", "name": "滑县恒信农业发展有限公司", "state": "evaluated", "detail": "full",
              "grade": "B", "gradeZh": "良", "supervisionClass": "general", "supervisionClassZh": "一般监管",
              "asOf": "2026-12-04", "evaluatedAt": "2026-12-04T10:15:30.123+08:00", "modelVersion": "2026.1",
              "score": 681, "base": 700,
              "contributions": [
                {"dimension": "failings", "rule": "record:penalty:general",
                 "source": {"kind": "record", "id": "1048576", "label": "行政处罚决定书", "date": "2025-09-14"},
                 "points": -40, "decayFactor": 0.6, "afterDecay": -24, "counted": -24,
                 "reasonZh": "2025年9月14日受到行政处罚（滑市监罚〔2025〕118号，失信程度：一般），扣40分；已满12个月，按60%计，扣24分"},
                {"dimension": "honours", "rule": "record:honour",
                 "source": {"kind": "record", "id": "1048622", "label": "守合同重信用企业", "date": "2025-12-20"},
                 "points": 20, "decayFactor": 1.0, "afterDecay": 20, "counted": 20,
                 "reasonZh": "2025年12月20日获得表彰荣誉（守合同重信用企业），加20分"},
                {"dimension": "commitments", "rule": "record:commitment",
                 "source": {"kind": "record", "id": "1048601", "label": "信用承诺书", "date": "2026-03-02"},
                 "points": 5, "decayFactor": 1.0, "afterDecay": 5, "counted": 5, "reasonZh": "2026年3月2日作出信用承诺（信用承诺书），加5分"},
                {"dimension": "ratings", "rule": "tax-grade:B",
                 "source": {"kind": "record", "id": "1048590", "label": "2025年度纳税信用等级评价", "date": "2026-04-10"},
                 "points": 20, "afterDecay": 20, "counted": 20, "reasonZh": "2025年度纳税信用等级评价结果为B，加20分"},
                {"dimension": "lists", "rule": "list:abnormal",
                 "source": {"kind": "list-entry", "id": "1024", "label": "经营异常名录", "date": "2026-07-01"},
                 "points": -80, "afterDecay": -80, "counted": -80,
                 "reasonZh": "2026年7月1日列入经营异常名录（未按规定公示年度报告），扣80分"},
                {"dimension": "registration", "rule": "operating-years:10",
                 "source": {"kind": "registration", "label": "成立年限", "date": "2016-05-12"},
                 "points": 40, "afterDecay": 40, "counted": 40, "reasonZh": "成立10年（2016年5月12日登记），加40分"}
              ],
              "summaryZh": "公共信用综合评价等级为良（B），一般监管；得分681分（基础分700分，加减分合计-19分）"
            }""";

    static final String PENDING = """
            {"uscc": "91659001MA7XQ2K35D", "name": "石河子新注册有限公司", "state": "pending", "detail": "summary",
             "summaryZh": "公共信用综合评价正在进行，请稍后查询"}""";

    static final String HISTORY = """
            {"items": [
              {"modelVersion": "2026.1", "asOf": "2026-12-04", "evaluatedAt": "2026-12-04T10:15:30.123+08:00", "grade": "B",
               "gradeZh": "良", "supervisionClass": "general", "score": 690},
              {"modelVersion": "2026.1", "asOf": "2026-10-09", "evaluatedAt": "2026-10-09T16:02:11.004+08:00", "grade": "A",
               "gradeZh": "优", "supervisionClass": "trusted", "score": 840}],
             "nextCursor": null}""";

    static final String LIST = """
            {"items": [
              {"uscc": "91410526MA9GQWXK0J", "name": "滑县恒信农业发展有限公司", "grade": "A", "gradeZh": "优", "supervisionClass": "trusted",
               "regionCode": "410526", "industrySection": "A", "subjectType": "enterprise", "asOf": "2026-12-04", "modelVersion": "2026.1"}],
             "nextCursor": "djEuZXZhbHVhdGlvbnM"}""";

    static final String UNKNOWN_GRADE = """
            {
              "type": "https://api.opencredit.cn/problems/invalid-parameter",
              "title": "Invalid request parameter",
              "status": 400,
              "detail": "grade must be one of: A, B, C, D",
              "instance": "/api/v1/evaluations",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [{"field": "grade", "code": "unknown-value", "message": "grade must be one of: A, B, C, D", "expected": "A, B, C, D"}]
            }""";

    /** The bundled model as a new version: what an operator starts a revision from. */
    static final String MODEL = """
            version: "2026.2"
            nameZh: 公共信用综合评价模型（2026版第二次修订）
            # Every subject starts here; contributions add or take points, each dimension within its caps,
            # and the total is kept within 0–1000.
            base: 700
            grades:
              - { grade: A, minScore: 800, supervision: trusted }
              - { grade: B, minScore: 650, supervision: general }
              - { grade: C, minScore: 500, supervision: focused }
              - { grade: D, minScore: 0, supervision: strict }
            # 双随机、一公开: the share of each grade a sampling plan draws unless it says otherwise.
            samplingRatios: { A: 0.01, B: 0.03, C: 0.10, D: 0.30 }
            dimensions:
              - { code: failings, nameZh: 失信行为, min: -450, max: 0 }
              - { code: lists, nameZh: 红黑名单, min: -400, max: 60 }
              - { code: ratings, nameZh: 信用评价, min: -150, max: 100 }
              - { code: honours, nameZh: 表彰荣誉, min: 0, max: 60 }
              - { code: commitments, nameZh: 信用承诺与注册, min: -200, max: 40 }
              - { code: registration, nameZh: 登记信息, min: -30, max: 40 }
            # Share of a decaying record's points by its age (months since the decision); from 36 months on it
            # no longer counts. Records whose publication has ended, repaired and revoked records never count.
            decay:
              - { fromMonths: 0, factor: 1.0 }
              - { fromMonths: 12, factor: 0.6 }
              - { fromMonths: 24, factor: 0.3 }
              - { fromMonths: 36, factor: 0.0 }
            records:
              - { category: penalty, severity: minor, points: -10, dimension: failings, decays: true }
              - { category: penalty, severity: general, points: -40, dimension: failings, decays: true }
              - { category: penalty, severity: serious, points: -150, dimension: failings, decays: true }
              - { category: coercion, points: -60, dimension: failings, decays: true }
              - { category: judicial, points: -80, dimension: failings, decays: true }
              - { category: honour, points: 20, dimension: honours, decays: true }
              - { category: reward, points: 15, dimension: honours, decays: true }
              - { category: commitment, points: 5, dimension: commitments, decays: true }
              # A commitment broken, or a voluntary registration found false, is published as a failing record
              # of the commitment category with its severity (违反信用承诺).
              - { category: commitment, severity: minor, points: -10, dimension: failings, decays: true }
              - { category: commitment, severity: general, points: -40, dimension: failings, decays: true }
              - { category: commitment, severity: serious, points: -150, dimension: failings, decays: true }
            lists:
              - { type: black, points: -300, dimension: lists, gradeCeiling: D }
              - { type: dishonest-debtor, points: -300, dimension: lists, gradeCeiling: D }
              - { type: watch, points: -100, dimension: lists }
              - { type: abnormal, points: -80, dimension: lists }
              - { type: red, points: 60, dimension: lists }
            # The latest tax credit grade (纳税信用级别) counts, by its level.
            taxGrades:
              dimension: ratings
              points: { A: 60, B: 20, M: 0, C: -40, D: -120 }
            # Sector ratings (行业信用评价): the latest of each kind counts, by its level.
            industryRatings:
              dimension: ratings
              points:
                AAA: 40
                AA: 30
                A: 20
                B: 0
                C: -40
                A级: 20
                B级: 0
                C级: -40
                优秀: 30
                良好: 10
                一般: 0
                环保诚信企业: 30
                环保良好企业: 10
                环保警示企业: -40
                环保不良企业: -80
            # Facts the subject workflows record: commitments kept, voluntary registrations verified. (A broken
            # commitment counts as the failing record it becomes.)
            facts:
              - { kind: commitment-kept, points: 10, dimension: commitments }
              - { kind: registration-verified, points: 5, dimension: commitments }
            # Years since registration (成立年限).
            operatingYears:
              dimension: registration
              steps:
                - { fromYears: 0, points: -20 }
                - { fromYears: 1, points: 0 }
                - { fromYears: 3, points: 20 }
                - { fromYears: 10, points: 40 }
            # Subjects in these states get no grade.
            notEvaluated: [cancelled, revoked]
            """;

    static final String MODEL_VIEW = """
            {"version": "2026.2", "status": "draft", "nameZh": "公共信用综合评价模型（2026版第二次修订）",
             "documentSha256": "5e1b0f0d8a3c4e7f9a2b6c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f",
             "grades": [{"grade": "A", "gradeZh": "优", "minScore": 800, "supervisionClass": "trusted"},
                        {"grade": "B", "gradeZh": "良", "minScore": 650, "supervisionClass": "general"},
                        {"grade": "C", "gradeZh": "中", "minScore": 500, "supervisionClass": "focused"},
                        {"grade": "D", "gradeZh": "差", "minScore": 0, "supervisionClass": "strict"}],
             "samplingRatios": {"A": 0.01, "B": 0.03, "C": 0.1, "D": 0.3},
             "createdAt": "2026-12-04T10:00:00+08:00"}""";

    static final String INVALID_MODEL = """
            {
              "type": "https://api.opencredit.cn/problems/validation-failed",
              "title": "Request validation failed",
              "status": 400,
              "detail": "The scoring model has 2 problems",
              "instance": "/api/v1/admin/evaluation/models",
              "requestId": "4f1c2d7e-6b0a-4a8e-9b8e-1f3c5d7e9a0b",
              "errors": [
                {"field": "grades[2].minScore", "code": "overlapping", "message": "must be below B's threshold 650"},
                {"field": "records[0].category", "code": "unknown-value", "message": "fine is not one of: licence, penalty, coercion, confirmation, levy, payment, adjudication, compensation, reward, inspection, judicial, commitment, honour, tax-credit-grade, industry-rating"}]
            }""";

    static final String JOB = """
            {"id": "0d6f1e2a-3b4c-4d5e-8f90-a1b2c3d4e5f6", "kind": "backtest", "modelVersion": "2026.2", "baselineVersion": "2026.1",
             "state": "finished", "reason": "backtest of draft 2026.2 against 2026.1", "asOf": "2026-12-04",
             "progress": {"total": 1000000, "done": 1000000, "share": 1.0, "ratePerSecond": 24100.5},
             "requestedAt": "2026-12-04T10:05:00+08:00", "startedAt": "2026-12-04T10:05:00+08:00", "finishedAt": "2026-12-04T10:05:41+08:00",
             "result": {"draftVersion": "2026.2", "currentVersion": "2026.1",
                        "draft": {"A": 181000, "B": 532000, "C": 221000, "D": 61000, "none": 5000},
                        "current": {"A": 190000, "B": 540000, "C": 210000, "D": 55000, "none": 5000},
                        "transitions": {"A": {"A": 178000, "B": 12000, "C": 0, "D": 0, "none": 0},
                                        "B": {"A": 3000, "B": 516000, "C": 21000, "D": 0, "none": 0},
                                        "C": {"A": 0, "B": 4000, "C": 200000, "D": 6000, "none": 0},
                                        "D": {"A": 0, "B": 0, "C": 0, "D": 55000, "none": 0},
                                        "none": {"A": 0, "B": 0, "C": 0, "D": 0, "none": 5000}}}}""";

    private EvaluationExamples() {
    }
}
