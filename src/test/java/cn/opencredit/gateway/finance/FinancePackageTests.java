package cn.opencredit.gateway.finance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.evaluation.EvaluationFixtures;
import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.testing.HeldLock;

/** The bank's pull (信易贷): what a consent lets out, what it refuses, the access log and the cache. */
@QuarkusTest
class FinancePackageTests {

    private static final AtomicInteger SUBJECTS = new AtomicInteger();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final YearMonth THIS_MONTH = YearMonth.from(TODAY);
    private static final String TAX = SubjectFixtures.uscc("11", "XYD00001");
    private static final String TAX_NAME = "国家税务总局石河子市税务局";
    private static final String SOCIAL = SubjectFixtures.uscc("12", "XYD00002");
    private static final String SOCIAL_NAME = "石河子市社会保险事业管理局";
    private static final String PATH = "/api/v1/finance/subjects/{uscc}/package";

    private final AgroalDataSource dataSource;
    private final SubjectFixtures subjects;
    private final EvaluationFixtures evaluations;
    private static String bankId;
    private static String bankKey;
    private static String otherBankKey;

    FinancePackageTests(AgroalDataSource dataSource, SubjectFixtures subjects, EvaluationFixtures evaluations) {
        this.dataSource = dataSource;
        this.subjects = subjects;
        this.evaluations = evaluations;
    }

    @BeforeEach
    void ready() {
        subjects.ensureLoaded();
        if (bankId == null) {
            bankId = AccessFixtures.createConsumer("信易贷测试银行", ConsumerType.BANK, null, null, "standard");
            bankKey = AccessFixtures.issueKey(bankId);
            otherBankKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("信易贷测试另一银行", ConsumerType.BANK, null, null, "standard"));
        }
    }

    private record Enterprise(String uscc, String name, String key) {
    }

    private Enterprise enterprise() {
        String uscc = SubjectFixtures.uscc("91", "MA0X%04d".formatted(SUBJECTS.incrementAndGet()));
        String name = "石河子信易贷测试（" + uscc.substring(10, 16) + "）有限公司";
        subjects.register(uscc, name);
        String key = AccessFixtures.issueKey(AccessFixtures.createConsumer("企业 " + uscc, ConsumerType.SUBJECT, uscc, null, "standard"));
        // Its first evaluation would otherwise land between two pulls and invalidate the first one's cached answer.
        evaluations.awaitQuiet();
        return new Enterprise(uscc, name, key);
    }

    private static RequestSpecification as(String key) {
        return given().header("Authorization", AccessFixtures.bearer(key));
    }

    private static String consent(Enterprise e, List<String> categories) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectUscc", e.uscc());
        body.put("granteeId", bankId);
        body.put("purpose", "loan-application");
        body.put("categories", categories);
        body.put("validUntil", TODAY.plusMonths(6).toString());
        body.put("reference", "SHZ-LOAN-" + e.uscc().substring(12));
        return as(e.key()).contentType(ContentType.JSON).body(body).when().post("/api/v1/consents").then().statusCode(201).extract().path("id");
    }

    private static void revoke(Enterprise e, String consentId) {
        as(e.key()).contentType(ContentType.JSON).body(Map.of("version", 0, "reason", "贷款申请已撤回"))
                .when().post("/api/v1/consents/{id}/revocation", consentId).then().statusCode(200);
    }

    private static Map<String, Object> monthly(Enterprise e, String id, String category, YearMonth period, String status, String amount,
            String department, String departmentName) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sourceRecordId", id);
        row.put("category", category);
        row.put("subjectName", e.name());
        row.put("subjectUscc", e.uscc());
        row.put("subjectCategory", "法人及非法人组织");
        row.put("title", period + " " + category);
        row.put("decisionDate", period.plusMonths(1).atDay(1).isAfter(TODAY) ? TODAY.toString() : period.plusMonths(1).atDay(1).toString());
        row.put("content", period + "缴纳情况");
        row.put("amount", amount);
        row.put("currency", "CNY");
        row.put("period", period.toString());
        row.put("paymentStatus", status);
        row.put("sourceDepartment", departmentName);
        row.put("sourceDepartmentUscc", department);
        return row;
    }

    private static Map<String, Object> taxGrade(Enterprise e, String id, String level) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sourceRecordId", id);
        row.put("category", "tax-credit-grade");
        row.put("subjectName", e.name());
        row.put("subjectUscc", e.uscc());
        row.put("subjectCategory", "法人及非法人组织");
        row.put("title", "纳税信用等级评定");
        row.put("decisionDate", TODAY.minusDays(30).toString());
        row.put("content", "纳税信用等级" + level);
        row.put("rating", level);
        row.put("disclosureLevel", "authorised");
        row.put("sourceDepartment", TAX_NAME);
        row.put("sourceDepartmentUscc", TAX);
        return row;
    }

    private void ingest(List<Map<String, Object>> rows) {
        as(AccessFixtures.OPERATOR_KEY).contentType(ContentType.JSON).body(Map.of("rows", rows)).when().post("/api/v1/ingest/records")
                .then().statusCode(200).body("refused", equalTo(0));
        evaluations.awaitQuiet();
    }

    /** Three months of tax (the middle one in arrears), two of social insurance, a tax credit grade. */
    private void feed(Enterprise e) {
        String s = e.uscc().substring(12);
        ingest(List.of(
                monthly(e, "tax-" + s + "-1", "tax-payment", THIS_MONTH.minusMonths(3), "paid", "1200.50", TAX, TAX_NAME),
                monthly(e, "tax-" + s + "-2", "tax-payment", THIS_MONTH.minusMonths(2), "arrears", "800.00", TAX, TAX_NAME),
                monthly(e, "tax-" + s + "-3", "tax-payment", THIS_MONTH.minusMonths(1), "paid", "1300.25", TAX, TAX_NAME),
                monthly(e, "si-" + s + "-1", "social-insurance", THIS_MONTH.minusMonths(2), "paid", "46800.00", SOCIAL, SOCIAL_NAME),
                monthly(e, "si-" + s + "-2", "social-insurance", THIS_MONTH.minusMonths(1), "paid", "46800.00", SOCIAL, SOCIAL_NAME),
                taxGrade(e, "grade-" + s, "A")));
    }

    private static ValidatableResponse pull(String key, String uscc) {
        return as(key).when().get(PATH, uscc).then();
    }

    @Test
    void shouldAnswerEverySectionTheConsentCoversAndNothingElse() {
        Enterprise e = enterprise();
        feed(e);
        String consent = consent(e, List.of("profile", "evaluation", "tax", "social-insurance", "lists"));

        pull(bankKey, e.uscc()).statusCode(200)
                .body("uscc", equalTo(e.uscc()))
                .body("consent.id", equalTo(consent))
                .body("consent.purpose", equalTo("loan-application"))
                .body("sections", containsInAnyOrder("profile", "evaluation", "tax", "social-insurance", "lists"))
                .body("profile.uscc", equalTo(e.uscc()))
                .body("evaluation.uscc", equalTo(e.uscc()))
                .body("lists.memberships", notNullValue())
                .body("tax.creditGrades.level", contains("A"))
                .body("tax.payments.months.period", contains(THIS_MONTH.minusMonths(1).toString(), THIS_MONTH.minusMonths(2).toString(),
                        THIS_MONTH.minusMonths(3).toString()))
                .body("tax.payments.months.status", contains("paid", "arrears", "paid"))
                .body("tax.payments.summary.monthsReported", equalTo(3))
                .body("tax.payments.summary.monthsInArrears", equalTo(1))
                .body("tax.payments.summary.paid.amount", equalTo("2500.75"))
                .body("tax.payments.summary.paidStreak", equalTo(1))
                .body("socialInsurance.summary.paidStreak", equalTo(2))
                .body("socialInsurance.summary.paid.amount", equalTo("93600.00"))
                .body("$", not(hasKey("housingFund")))
                .body("$", not(hasKey("utilities")))
                .body("$", not(hasKey("records")));

        as(bankKey).queryParam("sections", "tax").when().get(PATH, e.uscc()).then().statusCode(200)
                .body("sections", contains("tax"))
                .body("$", not(hasKey("profile")))
                .body("$", not(hasKey("socialInsurance")));
    }

    @Test
    void shouldCarryTheCommitmentsDepartmentsReportedWhenConsented() {
        Enterprise e = enterprise();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sourceCommitmentId", "XYD-CN-" + e.uscc().substring(12));
        row.put("subjectUscc", e.uscc());
        row.put("type", "notification");
        row.put("procedureName", "道路货物运输经营许可");
        row.put("content", "承诺本单位符合道路货物运输经营许可条件，如有不实，自愿承担相应法律责任");
        row.put("madeOn", TODAY.toString());
        row.put("departmentUscc", TAX);
        row.put("departmentName", TAX_NAME);
        as(AccessFixtures.OPERATOR_KEY).contentType(ContentType.JSON).body(Map.of("rows", List.of(row))).when().post("/api/v1/commitments")
                .then().statusCode(200).body("created", equalTo(1));
        consent(e, List.of("commitments"));
        pull(bankKey, e.uscc()).statusCode(200)
                .body("sections", contains("commitments"))
                .body("commitments.sourceCommitmentId", contains("XYD-CN-" + e.uscc().substring(12)))
                .body("commitments[0].state", equalTo("open"));
    }

    @Test
    void shouldKeepMonthlyPaymentsAndTheTaxGradeOutOfTheRecordsSectionAndThePublicProfile() {
        Enterprise e = enterprise();
        feed(e);
        consent(e, List.of("profile", "authorised-records"));
        pull(bankKey, e.uscc()).statusCode(200)
                .body("$", not(hasKey("tax")))
                .body("records", not(hasKey("tax-payment")))
                .body("records", not(hasKey("tax-credit-grade")))
                .body("records", not(hasKey("social-insurance")))
                .body("profile.recordCounts", not(hasKey("tax-payment")))
                .body("profile.latestRecords.category", not(hasItem("social-insurance")));
    }

    @Test
    void shouldLogEveryPullWithTheConsentItsPurposeAndWhatWentOut() throws SQLException {
        Enterprise e = enterprise();
        pull(bankKey, e.uscc()).statusCode(403).body("type", equalTo("https://api.opencredit.cn/problems/consent-required"));
        String consent = consent(e, List.of("evaluation", "tax"));
        pull(bankKey, e.uscc()).statusCode(200);

        List<List<Object>> log = rows("SELECT operation, purpose, outcome, consent_id, disclosed, consumer_name FROM audit_access_log "
                + "WHERE subject_uscc = ? AND operation = 'finance.package' ORDER BY id", e.uscc());
        assertEquals(2, log.size());
        assertEquals(List.of("finance.package", 403), List.of(log.get(0).get(0), ((Number) log.get(0).get(2)).intValue()));
        assertEquals(null, log.get(0).get(3), "a refused pull names no consent");
        assertEquals(List.of("loan-application", 200, Long.parseLong(consent), "evaluation,tax", "信易贷测试银行"),
                List.of(log.get(1).get(1), ((Number) log.get(1).get(2)).intValue(), log.get(1).get(3), log.get(1).get(4), log.get(1).get(5)));

        as(e.key()).when().get("/api/v1/subjects/{uscc}/access-log", e.uscc()).then().statusCode(200)
                .body("items[0].operation", equalTo("finance.package"))
                .body("items[0].consentId", equalTo(consent))
                .body("items[0].purpose", equalTo("loan-application"))
                .body("items[0].disclosed", contains("evaluation", "tax"))
                .body("items[1].consentId", nullValue());
    }

    @Test
    void shouldRefuseEachConsentCaseWithItsOwnTypeAtOnceAlsoWhenCached() throws SQLException {
        Enterprise e = enterprise();
        pull(bankKey, e.uscc()).statusCode(403).body("type", equalTo("https://api.opencredit.cn/problems/consent-required"));

        String first = consent(e, List.of("profile", "tax"));
        pull(bankKey, e.uscc()).statusCode(200).header("X-Cache", "MISS");
        pull(bankKey, e.uscc()).statusCode(200).header("X-Cache", "HIT");
        as(bankKey).queryParam("sections", "profile,housing-fund,utilities").when().get(PATH, e.uscc()).then().statusCode(403)
                .body("type", equalTo("https://api.opencredit.cn/problems/category-not-consented"))
                .body("errors.message", contains("housing-fund is not consented", "utilities is not consented"));
        pull(otherBankKey, e.uscc()).statusCode(403).body("type", equalTo("https://api.opencredit.cn/problems/consent-required"));

        revoke(e, first);
        pull(bankKey, e.uscc()).statusCode(403).body("type", equalTo("https://api.opencredit.cn/problems/consent-revoked"));

        String second = consent(e, List.of("profile"));
        pull(bankKey, e.uscc()).statusCode(200).header("X-Cache", "MISS").body("consent.id", equalTo(second));
        execute("UPDATE consent SET valid_from = now() - interval '2 days', valid_until = now() - interval '1 second' WHERE id = ?",
                Long.parseLong(second));
        pull(bankKey, e.uscc()).statusCode(403).body("type", equalTo("https://api.opencredit.cn/problems/consent-expired"));
    }

    /**
     * The pull passed the consent check and waits to read the records (their table held by the
     * test) while the enterprise revokes: what it read goes nowhere, and the log names no consent.
     */
    @Test
    void shouldRefuseAPullWhoseConsentIsRevokedWhileItsDataIsRead() throws Exception {
        Enterprise e = enterprise();
        feed(e);
        String consent = consent(e, List.of("tax"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Response> pull;
            try (HeldLock held = HeldLock.take(dataSource, "LOCK TABLE credit_record IN ACCESS EXCLUSIVE MODE")) {
                pull = pool.submit(() -> as(bankKey).when().get(PATH, e.uscc()));
                awaitPullReadingRecords(pull);
                revoke(e, consent);
                held.release();
            }
            pull.get(30, TimeUnit.SECONDS).then().statusCode(403).body("type", equalTo("https://api.opencredit.cn/problems/consent-revoked"));
        } finally {
            pool.shutdownNow();
        }
        List<List<Object>> log = rows("SELECT outcome, consent_id FROM audit_access_log WHERE subject_uscc = ? AND operation = 'finance.package'",
                e.uscc());
        assertEquals(1, log.size());
        assertEquals(403, ((Number) log.getFirst().get(0)).intValue());
        assertEquals(null, log.getFirst().get(1));
    }

    /** Waits until the pull's record read (and nothing else of it) waits behind the held table. */
    private void awaitPullReadingRecords(Future<Response> pull) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!rows("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' "
                    + "AND query LIKE '%payment_status%'").isEmpty()) {
                return;
            }
            if (pull.isDone()) {
                throw new AssertionError("the pull ended before it read the records");
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the pull did not come to read the records");
    }

    /** A consent ending in a moment: pulled, cached, and refused from the instant it ends, the cached answer included. */
    @Test
    void shouldRefuseFromTheInstantTheConsentEnds() throws Exception {
        Enterprise e = enterprise();
        String consent = consent(e, List.of("profile"));
        List<List<Object>> ends = rows("UPDATE consent SET valid_until = clock_timestamp() + interval '2 seconds' WHERE id = ? RETURNING valid_until",
                Long.parseLong(consent));
        long endsAt = ((java.sql.Timestamp) ends.getFirst().getFirst()).getTime();
        pull(bankKey, e.uscc()).statusCode(200).header("X-Cache", "MISS");
        pull(bankKey, e.uscc()).statusCode(200).header("X-Cache", "HIT");
        Thread.sleep(Math.max(0, endsAt - System.currentTimeMillis() + 50));
        pull(bankKey, e.uscc()).statusCode(403).body("type", equalTo("https://api.opencredit.cn/problems/consent-expired"));
    }

    @Test
    void shouldServeTheCachedPackageUntilTheSubjectsDataChanges() {
        Enterprise e = enterprise();
        consent(e, List.of("social-insurance"));
        pull(bankKey, e.uscc()).statusCode(200).header("X-Cache", "MISS").body("socialInsurance.months", org.hamcrest.Matchers.empty());
        pull(bankKey, e.uscc()).statusCode(200).header("X-Cache", "HIT");
        ingest(List.of(monthly(e, "si-cache-" + e.uscc().substring(12), "social-insurance", THIS_MONTH.minusMonths(1), "arrears", "100.00",
                SOCIAL, SOCIAL_NAME)));
        pull(bankKey, e.uscc()).statusCode(200).header("X-Cache", "MISS")
                .body("socialInsurance.months.status", contains("arrears"))
                .body("socialInsurance.summary.monthsInArrears", equalTo(1))
                .body("socialInsurance.summary.paidStreak", equalTo(0))
                .body("socialInsurance.summary", not(hasKey("paid")));
    }

    @Test
    void shouldLetOperatorsReadWithoutAConsentAndRefuseOtherCallers() {
        Enterprise e = enterprise();
        feed(e);
        pull(AccessFixtures.OPERATOR_KEY, e.uscc()).statusCode(200)
                .body("$", not(hasKey("consent")))
                .body("tax.payments.summary.monthsReported", equalTo(3));

        String appKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("信易贷测试应用", ConsumerType.APP, null,
                List.of("public:read", "finance:read"), "standard"));
        pull(appKey, e.uscc()).statusCode(403).body("type", equalTo("https://api.opencredit.cn/problems/forbidden"));
        String agencyKey = AccessFixtures.issueKey(AccessFixtures.createConsumer("信易贷测试征信机构", ConsumerType.CREDIT_AGENCY, null, null,
                "standard"));
        pull(agencyKey, e.uscc()).statusCode(403);
        pull(e.key(), e.uscc()).statusCode(403);
        given().when().get(PATH, e.uscc()).then().statusCode(401);
    }

    @Test
    void shouldRefuseBadInputWithAProblem() {
        Enterprise e = enterprise();
        consent(e, List.of("profile"));
        as(bankKey).queryParam("sections", "profile,salary").when().get(PATH, e.uscc()).then().statusCode(400)
                .body("errors[0].field", equalTo("sections"))
                .body("errors[0].message", equalTo("unknown section salary"));
        pull(bankKey, "91659001MA0000015X").statusCode(400);
        pull(bankKey, SubjectFixtures.uscc("91", "MA0XYYYY")).statusCode(404);
    }

    private List<List<Object>> rows(String sql, Object... args) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private void execute(String sql, Object... args) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.executeUpdate();
        }
    }
}
