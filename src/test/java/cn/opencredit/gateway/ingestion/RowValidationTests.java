package cn.opencredit.gateway.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.subject.SubjectType;

/** One row's fields into their typed form; the HTTP-level cases are in IngestionResourceTests. */
class RowValidationTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String DEPARTMENT = SubjectFixtures.uscc("11", "GJD00001");
    private static final IngestionPolicies.Sender BOUND = new IngestionPolicies.Sender("DEPARTMENT", DEPARTMENT);

    private static IngestionRecordRequest penalty(String amount) {
        return new IngestionRecordRequest("r-1", "penalty", "石河子归集有限公司", SubjectFixtures.uscc("91", "GJ000001"), "法人及非法人组织",
                null, null, "王强", null, null, "石交罚〔2026〕1号", "行政处罚决定书", "2026-11-02", null, "罚款", null, "一般", null, amount,
                null, null, null, null, null, "石河子市交通运输局", DEPARTMENT, null, null, null, null);
    }

    private static IncomingRow template(IngestionRecordRequest fields, boolean tenThousands, String confiscated) {
        return new IncomingRow(2, fields, tenThousands, confiscated, tenThousands, Map.of(), Map.of("amount", "罚款金额（万元）"), List.of());
    }

    @ParameterizedTest(name = "{0} 万元 = {1} yuan")
    @CsvSource({"0.000001, 0.01", "0.123456, 1234.56", "12.5, 125000.00", "3, 30000.00", "123456.789012, 1234567890.12", "0, 0.00",
            "１２.５, 125000.00"})
    void shouldTurnTenThousandsIntoExactYuan(String tenThousands, String yuan) {
        IngestionPolicies.Checked checked = RowValidation.check(template(penalty(tenThousands), true, tenThousands), BOUND, TODAY, null);
        assertEquals(List.of(), checked.errors());
        assertEquals(new BigDecimal(yuan), checked.accepted().amount());
        assertEquals(yuan, checked.accepted().details().get("confiscatedAmount"));
        assertEquals("CNY", checked.accepted().currency());
    }

    @ParameterizedTest
    @CsvSource({"0.0000001, too-many-decimals", "-0.5, negative", "1e3, format", "一万, format", "1000000000000000, too-large"})
    void shouldRefuseAmountsThatAreNotExact(String tenThousands, String code) {
        IngestionPolicies.Checked checked = RowValidation.check(template(penalty(tenThousands), true, null), BOUND, TODAY, null);
        assertNull(checked.accepted());
        assertEquals(code, checked.errors().getFirst().code());
        assertEquals("罚款金额（万元）", checked.errors().getFirst().field(), "errors name the file's column");
    }

    @Test
    void shouldRefuseVoluntaryRecordsWhichOnlyTheRegistrationWorkflowPublishes() {
        IngestionRecordRequest voluntary = new IngestionRecordRequest("r-1", "voluntary", "石河子归集有限公司", SubjectFixtures.uscc("91",
                "GJ000001"), "法人及非法人组织", null, null, "王强", null, null, null, "自愿注册信息", "2026-11-02", null, "食品经营许可证", null,
                null, null, null, null, null, null, null, null, "石河子市交通运输局", DEPARTMENT, null, null, null, null);
        IngestionPolicies.Checked checked = RowValidation.check(IncomingRow.json(1, voluntary), BOUND, TODAY, null);
        assertNull(checked.accepted());
        assertEquals("category", checked.errors().getFirst().field());
        assertEquals("not-allowed", checked.errors().getFirst().code());
    }

    @Test
    void shouldKeepYuanToTwoDecimalsInJson() {
        assertEquals(new BigDecimal("5000.50"), RowValidation.check(IncomingRow.json(1, penalty("5000.5")), BOUND, TODAY, null)
                .accepted().amount());
        assertEquals("too-many-decimals", RowValidation.check(IncomingRow.json(1, penalty("0.001")), BOUND, TODAY, null)
                .errors().getFirst().code());
    }

    @Test
    void shouldDeriveSubjectTypeAndRegionFromTheCode() {
        IngestionPolicies.Checked company = RowValidation.check(IncomingRow.json(1, penalty("1")), BOUND, TODAY, null);
        assertEquals(SubjectType.ENTERPRISE, company.accepted().subject().type());
        assertEquals("659001", company.accepted().subject().regionCode());
        IngestionRecordRequest institution = new IngestionRecordRequest("r-2", "licence", "石河子市第一中学", SubjectFixtures.uscc("12", "GJ000002"),
                "legal-person", null, null, null, null, null, null, "许可", "2026-11-02", null, "许可", null, null, null, null, null, null,
                null, null, null, "石河子市交通运输局", DEPARTMENT, null, null, null, null);
        assertEquals(SubjectType.PUBLIC_INSTITUTION,
                RowValidation.check(IncomingRow.json(1, institution), BOUND, TODAY, null).accepted().subject().type());
    }

    @Test
    void shouldDropALegalRepresentativesNumberAndRefuseAPersonWithoutAHashKey() {
        IngestionRecordRequest fields = penalty("1");
        IngestionRecordRequest withNumber = new IngestionRecordRequest(fields.sourceRecordId(), fields.category(), fields.subjectName(),
                fields.subjectUscc(), fields.subjectCategory(), null, null, "王强", "身份证", "11010519491231002X", fields.decisionNumber(),
                fields.title(), fields.decisionDate(), null, fields.content(), null, "一般", null, "1", null, null, null, null, null,
                fields.sourceDepartment(), DEPARTMENT, null, null, null, null);
        IngestionPolicies.Checked dropped = RowValidation.check(IncomingRow.json(1, withNumber), BOUND, TODAY, null);
        assertNull(dropped.accepted().legalRepresentativeIdHash());
        assertEquals("identity-number-not-kept", dropped.flags().getFirst().code());
        IngestionRecordRequest person = new IngestionRecordRequest("r-3", "penalty", "张三", null, "自然人", "身份证", "659001199001011234",
                null, null, null, null, "行政处罚决定书", "2026-11-02", null, "罚款", null, "一般", null, null, null, null, null, null, null,
                "石河子市交通运输局", DEPARTMENT, null, null, null, null);
        assertEquals("identity-hashing-unavailable",
                RowValidation.check(IncomingRow.json(1, person), BOUND, TODAY, null).errors().getFirst().code());
        byte[] hash = {1, 2, 3};
        IngestionPolicies.Checked hashed = RowValidation.check(IncomingRow.json(1, person), BOUND, TODAY, number -> hash);
        assertEquals(SubjectType.NATURAL_PERSON, hashed.accepted().subject().type());
        assertNull(hashed.accepted().subject().uscc());
        assertEquals(hash, hashed.accepted().subject().identityHash());
    }

    private static IngestionRecordRequest monthly(String category, String amount, String level, String period, String status) {
        return new IngestionRecordRequest("m-1", category, "石河子归集有限公司", SubjectFixtures.uscc("91", "GJ000001"), "法人及非法人组织",
                null, null, null, null, null, null, "缴纳记录", "2026-11-02", null, "2026年10月缴纳", null, null, null, amount, null, level,
                null, null, null, "石河子市税务局", DEPARTMENT, null, null, period, status);
    }

    @Test
    void shouldKeepAMonthlyPaymentsMonthAndStatusAtTheAuthorisedLevel() {
        IngestionPolicies.Checked checked = RowValidation.check(IncomingRow.json(1, monthly("social-insurance", "18250.40", null, "2026年10月",
                "欠缴")), BOUND, TODAY, null);
        assertEquals(List.of(), checked.errors());
        assertEquals(DisclosureLevel.AUTHORISED, checked.accepted().disclosureLevel());
        assertEquals("2026-10", checked.accepted().details().get("period"));
        assertEquals("arrears", checked.accepted().details().get("paymentStatus"));
        assertEquals(new BigDecimal("18250.40"), checked.accepted().amount());
        IngestionPolicies.Checked utility = RowValidation.check(IncomingRow.json(1, monthly("utility-payment", null, "government", "2026-09",
                "paid")), BOUND, TODAY, null);
        assertEquals(DisclosureLevel.GOVERNMENT, utility.accepted().disclosureLevel(), "a utility bill needs no amount");
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} {4} → {5} {6}")
    @CsvSource(nullValues = "-", value = {
            "tax-payment, 100, -, -, paid, period, required",
            "tax-payment, 100, -, 2026-10, -, paymentStatus, required",
            "housing-fund, -, -, 2026-10, paid, amount, required",
            "tax-payment, 100, public, 2026-10, paid, disclosureLevel, not-allowed",
            "tax-payment, 100, -, 2026-13, paid, period, format",
            "tax-payment, 100, -, 2026-12, paid, period, out-of-range",
            "tax-payment, 100, -, 2026-10, owed, paymentStatus, unknown-value",
            "licence, -, -, 2026-10, -, period, not-allowed",
            "licence, -, -, -, paid, paymentStatus, not-allowed"})
    void shouldRefuseAMonthlyPaymentWithoutItsFieldsAndThemOnOtherRecords(String category, String amount, String level, String period,
            String status, String field, String code) {
        IngestionPolicies.Checked checked = RowValidation.check(IncomingRow.json(1, monthly(category, amount, level, period, status)), BOUND,
                TODAY, null);
        assertNull(checked.accepted());
        assertEquals(List.of(field + ":" + code), checked.errors().stream().map(error -> error.field() + ":" + error.code()).toList());
    }
}
