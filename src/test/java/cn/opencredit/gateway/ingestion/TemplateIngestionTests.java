package cn.opencredit.gateway.ingestion;

import static io.restassured.RestAssured.given;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.PATH;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.PROBLEM;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.TRANSPORT;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.TRANSPORT_NAME;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.XLSX;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.newEnterpriseUscc;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.newRecordId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.testing.Eventually;

/** The national 双公示 templates as departments export them: CSV in UTF-8 or GB18030, and XLSX. */
@QuarkusTest
class TemplateIngestionTests {

    private static final String USCC_COLUMN = "行政相对人代码_1（统一社会信用代码）";
    private static final List<String> PENALTY_HEADERS = List.of("处罚内容", "行政相对人名称", "罚款金额（万元）", "处罚决定日期", "行政处罚决定书文号",
            "行政相对人类别", USCC_COLUMN, "法定代表人", "违法行为类型", "违法事实", "处罚依据", "处罚类别",
            "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号", "处罚有效期", "公示截止期", "处罚机关", "处罚机关统一社会信用代码",
            "数据来源单位统一社会信用代码", "数据来源单位", "当前状态", "失信严重程度", "备注");
    private static final List<String> LICENCE_HEADERS = List.of("行政相对人名称", "行政相对人类别", USCC_COLUMN, "法定代表人",
            "行政许可决定文书名称", "行政许可决定文书号", "许可类别", "许可证书名称", "许可编号", "许可内容", "许可决定日期", "有效期自", "有效期至",
            "许可机关", "许可机关统一社会信用代码", "当前状态", "数据来源单位", "数据来源单位统一社会信用代码", "备注", "经办人");

    private final IngestionFixtures fixtures;
    private final SubjectFixtures subjects;
    private final RedisDataSource redis;

    TemplateIngestionTests(IngestionFixtures fixtures, SubjectFixtures subjects, RedisDataSource redis) {
        this.fixtures = fixtures;
        this.subjects = subjects;
        this.redis = redis;
    }

    @BeforeEach
    void loadSubjects() {
        subjects.ensureLoaded();
    }

    private static Map<String, String> penalty(String number, String uscc, String name) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("行政处罚决定书文号", number);
        row.put("行政相对人名称", name);
        row.put("行政相对人类别", "法人及非法人组织");
        row.put(USCC_COLUMN, uscc);
        row.put("法定代表人", "王强");
        row.put("处罚依据", "《中华人民共和国道路运输条例》第六十三条");
        row.put("处罚类别", "罚款");
        row.put("处罚内容", "罚款");
        row.put("罚款金额（万元）", "0.5");
        row.put("处罚决定日期", "2026-11-02");
        row.put("处罚机关", TRANSPORT_NAME);
        row.put("处罚机关统一社会信用代码", TRANSPORT);
        row.put("数据来源单位", TRANSPORT_NAME);
        row.put("数据来源单位统一社会信用代码", TRANSPORT);
        row.put("失信严重程度", "一般");
        return row;
    }

    private static Map<String, String> with(Map<String, String> row, String... keysAndValues) {
        Map<String, String> copy = new LinkedHashMap<>(row);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            copy.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return copy;
    }

    /** RFC 4180 with CRLF, quoting what needs it, in the given header order. */
    @SafeVarargs
    private static String csv(List<String> headers, Map<String, String>... rows) {
        StringBuilder csv = new StringBuilder(String.join(",", headers.stream().map(TemplateIngestionTests::quoted).toList())).append("\r\n");
        for (Map<String, String> row : rows) {
            csv.append(String.join(",", headers.stream().map(h -> quoted(row.getOrDefault(h, ""))).toList())).append("\r\n");
        }
        return csv.toString();
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private ValidatableResponse post(String contentType, byte[] body) {
        return fixtures.asDepartment(TRANSPORT).contentType(contentType).body(body).when().post(PATH).then();
    }

    private static byte[] withBom(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] all = Arrays.copyOf(bom, bom.length + utf8.length);
        System.arraycopy(utf8, 0, all, bom.length, utf8.length);
        return all;
    }

    @Test
    void shouldReadAPenaltyCsvWithBomShuffledHeadersQuotedCommasAndLineBreaks() {
        String fined = newRecordId("石交罚");
        String revoked = newRecordId("石交罚");
        String wrong = newRecordId("石交罚");
        String uscc = newEnterpriseUscc();
        String file = csv(PENALTY_HEADERS,
                with(penalty(fined, uscc, "石河子归集模板（运输）有限公司"), "处罚内容", "责令改正,\n并处罚款", "违法事实", "超限运输, 车货总重55吨",
                        "罚款金额（万元）", "0.123456", "没收违法所得、没收非法财物的金额（万元）", "12.5", "处罚类别", "警告;罚款、没收违法所得",
                        "处罚决定日期", "2026/9/30", "公示截止期", "2027年9月30日", "违法行为类型", "超限运输"),
                with(penalty(revoked, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME), "当前状态", "2", "罚款金额（万元）", "3"),
                with(penalty(wrong, "91659001GJ0000014A", "石河子归集错码有限公司")));
        post("text/csv", withBom(file)).statusCode(200)
                .body("format", equalTo("csv")).body("template", equalTo("penalty")).body("encoding", equalTo("utf-8"))
                .body("notices", nullValue())
                .body("received", equalTo(3)).body("created", equalTo(2)).body("refused", equalTo(1))
                .body("rows.row", equalTo(List.of(2, 3, 4)))
                .body("rows[0].sourceRecordId", equalTo(fined))
                .body("rows[2].errors[0].field", equalTo(USCC_COLUMN))
                .body("rows[2].errors[0].code", equalTo("check-character"));

        Map<String, Object> stored = fixtures.record(fined);
        assertEquals("责令改正,\n并处罚款", stored.get("content"));
        assertEquals(0, new BigDecimal("1234.56").compareTo((BigDecimal) stored.get("amount")));
        assertEquals("CNY", stored.get("currency"));
        assertEquals("GENERAL", stored.get("severity"));
        assertEquals(fined, stored.get("decision_number"));
        assertEquals("行政处罚决定书", stored.get("title"));
        assertEquals(Date.valueOf("2026-09-30"), stored.get("decision_date"));
        assertEquals(Date.valueOf("2027-09-30"), stored.get("published_until"));
        assertEquals("石河子归集模板（运输）有限公司", stored.get("subject_name"));
        Map<String, Object> details = fixtures.row("""
                SELECT details->>'confiscatedAmount' AS confiscated, details->>'violationFacts' AS facts,
                       details->>'violationType' AS type, array_to_string(penalty_types, '|') AS types
                FROM credit_record WHERE source_record_id = ?""", fined);
        assertEquals("125000.00", details.get("confiscated"));
        assertEquals("超限运输, 车货总重55吨", details.get("facts"));
        assertEquals("超限运输", details.get("type"));
        assertEquals("警告|罚款|没收违法所得", details.get("types"));

        Map<String, Object> revocation = fixtures.record(revoked);
        assertEquals("REVOKED", revocation.get("status"));
        assertEquals(0, new BigDecimal("30000.00").compareTo((BigDecimal) revocation.get("amount")));
        assertNull(fixtures.record(wrong));
    }

    @Test
    void shouldReplaceTheCachedNotFoundOfASubjectThatATemplateRegisters() {
        String number = newRecordId("石交罚");
        String uscc = newEnterpriseUscc();
        given().when().get("/api/v1/subjects/{uscc}", uscc).then().statusCode(404);
        given().when().get("/api/v1/subjects/{uscc}", uscc).then().statusCode(404);
        Eventually.awaitUntil("the 404 is cached", Duration.ofSeconds(10), () -> !redis.key().keys("cache:{" + uscc + "}:profile:public:*").isEmpty());

        post("text/csv", withBom(csv(PENALTY_HEADERS, penalty(number, uscc, "石河子归集缓存（运输）有限公司")))).statusCode(200)
                .body("created", equalTo(1));

        given().when().get("/api/v1/subjects/{uscc}", uscc).then().statusCode(200).header("X-Cache", "MISS")
                .body("name", equalTo("石河子归集缓存（运输）有限公司"))
                .body("latestRecords.decisionNumber", hasItem(number));
    }

    @Test
    void shouldReadALicenceCsvWithoutBomBelowATitleRow() {
        String number = newRecordId("石交许");
        Map<String, String> row = new LinkedHashMap<>();
        row.put("行政相对人名称", IngestionFixtures.KNOWN_NAME);
        row.put("行政相对人类别", "法人及非法人组织");
        row.put(USCC_COLUMN, IngestionFixtures.KNOWN);
        row.put("行政许可决定文书名称", "道路运输经营许可决定书");
        row.put("行政许可决定文书号", number);
        row.put("许可类别", "普通");
        row.put("许可证书名称", "道路运输经营许可证");
        row.put("许可编号", "新交运管许可石字659001000123号");
        row.put("许可内容", "道路普通货物运输");
        row.put("许可决定日期", "2026-11-02");
        row.put("有效期自", "2026/11/2");
        row.put("有效期至", "长期");
        row.put("许可机关", TRANSPORT_NAME);
        row.put("许可机关统一社会信用代码", TRANSPORT);
        row.put("当前状态", "1");
        row.put("数据来源单位", TRANSPORT_NAME);
        row.put("数据来源单位统一社会信用代码", TRANSPORT);
        row.put("经办人", "刘洋");
        String file = "行政许可信息公示表,,,\r\n" + csv(LICENCE_HEADERS, row);
        post("text/csv", file.getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("template", equalTo("licence")).body("encoding", equalTo("utf-8"))
                .body("notices[0]", containsString("经办人"))
                .body("rows[0].row", equalTo(3)).body("rows[0].outcome", equalTo("created"))
                .body("rows[0].timeliness.dueOn", equalTo("2026-11-11"));

        Map<String, Object> stored = fixtures.record(number);
        assertEquals("LICENCE", stored.get("category"));
        assertEquals("道路运输经营许可决定书", stored.get("title"));
        assertEquals("道路普通货物运输", stored.get("content"));
        assertEquals("PUBLISHED", stored.get("status"));
        assertEquals(TRANSPORT, stored.get("issuing_authority_uscc"));
        Map<String, Object> details = fixtures.row("""
                SELECT details->>'licenceType' AS type, details->>'licenceNumber' AS number, details->>'validFrom' AS from_,
                       details->>'validUntil' AS until FROM credit_record WHERE source_record_id = ?""", number);
        assertEquals("普通", details.get("type"));
        assertEquals("新交运管许可石字659001000123号", details.get("number"));
        assertEquals("2026-11-02", details.get("from_"));
        assertEquals("长期", details.get("until"));
    }

    @Test
    void shouldDecodeGb18030AndSaySo() {
        String number = newRecordId("石交罚");
        String uscc = newEnterpriseUscc();
        byte[] file = csv(PENALTY_HEADERS, penalty(number, uscc, "石河子归集编码测试有限公司")).getBytes(Charset.forName("GB18030"));
        post("text/csv; charset=GBK", file).statusCode(200)
                .body("encoding", equalTo("gb18030"))
                .body("notices[0]", containsString("GB18030"))
                .body("created", equalTo(1));
        assertEquals("石河子归集编码测试有限公司", fixtures.record(number).get("subject_name"));
        assertEquals("石河子归集编码测试有限公司", fixtures.row("SELECT name FROM subject WHERE uscc = ?", uscc).get("name"));
    }

    @Test
    void shouldRefuseTextThatIsNeitherUtf8NorGb18030() {
        byte[] latin = "行政处罚决定书文号,x\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = Arrays.copyOf(latin, latin.length + 2);
        broken[latin.length] = (byte) 0xFF;
        broken[latin.length + 1] = (byte) 0x80;
        post("text/csv", broken).statusCode(415).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/unsupported-media-type"))
                .body("detail", containsString("neither UTF-8 nor GB18030"));
        post("text/csv", "行政处罚决定书文号\r\n".getBytes(StandardCharsets.UTF_16LE)).statusCode(415);
        byte[] utf16 = ("\uFEFF" + csv(PENALTY_HEADERS, penalty("x", IngestionFixtures.KNOWN, "x"))).getBytes(StandardCharsets.UTF_16LE);
        post("text/csv", utf16).statusCode(415).body("detail", containsString("UTF-16"));
    }

    @Test
    void shouldRefuseFilesThatAreNotANationalTemplate() {
        post("text/csv", "名称,代码\r\n甲,1\r\n".getBytes(StandardCharsets.UTF_8)).statusCode(400).contentType(PROBLEM)
                .body("errors[0].code", equalTo("missing-column"));
        List<String> withoutDate = PENALTY_HEADERS.stream().filter(h -> !h.equals("处罚决定日期")).toList();
        post("text/csv", csv(withoutDate, penalty("x", IngestionFixtures.KNOWN, "x")).getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("errors.field", hasItem("处罚决定日期")).body("errors.code", hasItem("missing-column"));
        List<String> both = new ArrayList<>(PENALTY_HEADERS);
        both.add("行政许可决定文书号");
        byte[] ambiguous = csv(both, penalty(newRecordId("石交罚"), IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME)).getBytes(StandardCharsets.UTF_8);
        post("text/csv", ambiguous).statusCode(400).body("errors[0].code", equalTo("ambiguous-template"));
        fixtures.asDepartment(TRANSPORT).contentType("text/csv").queryParam("template", "penalty").body(ambiguous).when().post(PATH)
                .then().statusCode(200).body("template", equalTo("penalty")).body("created", equalTo(1))
                .body("notices[0]", containsString("行政许可决定文书号"));
        fixtures.asDepartment(TRANSPORT).contentType("text/csv").queryParam("template", "permit").body(ambiguous).when().post(PATH)
                .then().statusCode(400).body("errors[0].field", equalTo("template"));
        List<String> twice = new ArrayList<>(PENALTY_HEADERS);
        twice.add("罚款金额(万元)");
        post("text/csv", csv(twice, penalty("x", IngestionFixtures.KNOWN, "x")).getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("errors[0].code", equalTo("duplicate-column"));
        post("text/csv", "\"行政处罚决定书文号,x\r\n".getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("type", equalTo("https://api.opencredit.cn/problems/malformed-body"));
    }

    @Test
    void shouldRefuseAPenaltyWithoutSeverityNamingTheColumn() {
        List<String> national = PENALTY_HEADERS.stream().filter(h -> !h.equals("失信严重程度")).toList();
        post("text/csv", csv(national, penalty(newRecordId("石交罚"), IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME)).getBytes(StandardCharsets.UTF_8))
                .statusCode(200).body("refused", equalTo(1))
                .body("rows[0].errors[0].field", equalTo("失信严重程度"))
                .body("rows[0].errors[0].code", equalTo("required"));
    }

    @Test
    void shouldRefuseAnotherDepartmentsRowsInAFile() {
        String number = newRecordId("石卫罚");
        post("text/csv", csv(PENALTY_HEADERS, with(penalty(number, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME), "数据来源单位统一社会信用代码",
                IngestionFixtures.HEALTH, "数据来源单位", IngestionFixtures.HEALTH_NAME)).getBytes(StandardCharsets.UTF_8))
                .statusCode(200).body("rows[0].errors[0].field", equalTo("数据来源单位统一社会信用代码"))
                .body("rows[0].errors[0].code", equalTo("not-your-department"));
        assertNull(fixtures.record(IngestionFixtures.HEALTH, number));
    }

    @Test
    void shouldReadAnXlsxWorkbookWithDatesAndNumbers() {
        String number = newRecordId("石交罚");
        String text = newRecordId("石交罚");
        String uscc = newEnterpriseUscc();
        List<String> headers = List.of("行政处罚决定书文号", "行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)", "处罚内容",
                "罚款金额（万元）", "处罚决定日期", "失信严重程度", "数据来源单位", "数据来源单位统一社会信用代码", "处罚类别");
        byte[] workbook = XlsxFiles.workbook(List.of(
                List.<Object>of("行政处罚信息"),
                new ArrayList<Object>(headers),
                List.<Object>of(number, "石河子归集表格有限公司", "法人及非法人组织", uscc, "罚款", 0.05, LocalDate.of(2026, 9, 30), "严重", TRANSPORT_NAME,
                        TRANSPORT, "罚款"),
                List.<Object>of(text, IngestionFixtures.KNOWN_NAME, "法人及非法人组织", IngestionFixtures.KNOWN, "警告", "0.000001", "2026年10月9日", "轻微",
                        TRANSPORT_NAME, TRANSPORT, "警告")));
        post(XLSX, workbook).statusCode(200)
                .body("format", equalTo("xlsx")).body("template", equalTo("penalty")).body("encoding", nullValue())
                .body("created", equalTo(2)).body("rows.row", equalTo(List.of(3, 4)));
        Map<String, Object> stored = fixtures.record(number);
        assertEquals(Date.valueOf("2026-09-30"), stored.get("decision_date"));
        assertEquals(0, new BigDecimal("500.00").compareTo((BigDecimal) stored.get("amount")));
        assertEquals("SERIOUS", stored.get("severity"));
        Map<String, Object> small = fixtures.record(text);
        assertEquals(0, new BigDecimal("0.01").compareTo((BigDecimal) small.get("amount")));
        assertEquals(Date.valueOf("2026-10-09"), small.get("decision_date"));
        assertEquals("MINOR", small.get("severity"));
    }

    @Test
    void shouldRefuseWorkbooksItCannotRead() {
        byte[] legacy = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0};
        post(XLSX, legacy).statusCode(415).contentType(PROBLEM).body("detail", containsString(".xls"));
        post(XLSX, "not a workbook".getBytes(StandardCharsets.UTF_8)).statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/malformed-body"));
        byte[] truncated = Arrays.copyOf(XlsxFiles.workbook(List.of(List.<Object>of("行政处罚决定书文号"))), 200);
        post(XLSX, truncated).statusCode(400).contentType(PROBLEM);
    }

    @Test
    void shouldRefuseAWorkbookThatUnpacksBeyondTheLimitAndStoreNothing() {
        String number = newRecordId("石交罚");
        Map<String, String> row = penalty(number, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME);
        byte[] bomb = XlsxFiles.workbook(List.of(new ArrayList<>(row.keySet()), new ArrayList<>(row.values())), 200L << 20);
        post(XLSX, bomb).statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("https://api.opencredit.cn/problems/payload-too-large"))
                .body("errors[0].code", equalTo("unpacks-too-large"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM credit_record WHERE source_record_id = ?", number));
    }

    @Test
    void shouldRefuseAFileOverTheRowLimit() {
        StringBuilder file = new StringBuilder(csv(PENALTY_HEADERS));
        String line = csv(PENALTY_HEADERS, penalty("X", IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME)).split("\r\n")[1];
        for (int i = 0; i < 5_001; i++) {
            file.append(line).append("\r\n");
        }
        post("text/csv", file.toString().getBytes(StandardCharsets.UTF_8)).statusCode(413).contentType(PROBLEM)
                .body("errors[0].code", equalTo("too-many-rows"));
    }

    @Test
    void shouldTakeTheSameFileTwiceAsUnchanged() {
        String number = newRecordId("石交罚");
        byte[] file = csv(PENALTY_HEADERS, penalty(number, IngestionFixtures.KNOWN, IngestionFixtures.KNOWN_NAME)).getBytes(StandardCharsets.UTF_8);
        post("text/csv", file).statusCode(200).body("created", equalTo(1));
        post("text/csv", file).statusCode(200).body("unchanged", equalTo(1)).body("created", equalTo(0));
        assertNotNull(fixtures.record(number));
        assertEquals(0, ((Number) fixtures.record(number).get("version")).intValue());
    }
}
