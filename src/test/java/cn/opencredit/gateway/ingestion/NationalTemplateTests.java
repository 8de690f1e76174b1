package cn.opencredit.gateway.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;

/** Reading template files and mapping their columns, without the service around them. */
class NationalTemplateTests {

    /** opencredit.ingestion.max-workbook-unpacked's default. */
    private static final long UNPACKED_LIMIT = 64L << 20;

    private static List<TemplateFiles.SheetRow> csv(String text) {
        return TemplateFiles.readCsv(text, 100);
    }

    @Test
    void shouldDecodeUtf8WithAndWithoutBomAndGb18030() {
        String text = "行政处罚决定书文号,行政相对人名称\r\n石交罚〔2026〕1号,石河子（兵团）物流有限公司\r\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertEquals(new TemplateFiles.Decoded(text, TemplateFiles.UTF_8), TemplateFiles.decode(utf8));
        assertEquals(new TemplateFiles.Decoded(text, TemplateFiles.UTF_8), TemplateFiles.decode(bom));
        assertEquals(new TemplateFiles.Decoded(text, TemplateFiles.GB18030), TemplateFiles.decode(text.getBytes(Charset.forName("GBK"))));
        assertEquals(new TemplateFiles.Decoded(text, TemplateFiles.GB18030), TemplateFiles.decode(text.getBytes(Charset.forName("GB18030"))));
    }

    @Test
    void shouldRefuseWhatItCannotDecode() {
        for (byte[] bytes : List.of(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x41, 0}, new byte[] {0x41, (byte) 0xFF},
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xC3}, new byte[] {0x41, 0, 0x42})) {
            ProblemException refused = assertThrows(ProblemException.class, () -> TemplateFiles.decode(bytes));
            assertEquals(ProblemType.UNSUPPORTED_MEDIA_TYPE, refused.type());
        }
    }

    @Test
    void shouldKeepQuotedCommasAndLineBreaksAndNumberRowsAsASpreadsheetDoes() {
        List<TemplateFiles.SheetRow> rows = csv("a,b\r\n\"x, y\",\"line 1\nline 2\"\r\n\r\n,\r\nlast,\"say \"\"hi\"\"\"\r\n");
        assertEquals(List.of(1, 2, 5), rows.stream().map(TemplateFiles.SheetRow::number).toList());
        assertEquals("x, y", rows.get(1).cell(0).text());
        assertEquals("line 1\nline 2", rows.get(1).cell(1).text());
        assertEquals("say \"hi\"", rows.get(2).cell(1).text());
        assertEquals("", rows.get(2).cell(7).text());
    }

    @Test
    void shouldMatchHeadersWhateverTheirWidthSpacingOrStars() {
        List<TemplateFiles.SheetRow> rows = csv("""
                公示表,,,,,,
                *行政处罚决定书文号 ,行政相对人 名称,行政相对人类别,处罚内容,处罚决定日期,数据来源单位,数据来源单位统一社会信用代码,罚款金额(元),经办人
                A1,甲,法人及非法人组织,罚款,2026-11-02,局,11659001MB0000019Q,5000,刘洋
                """);
        NationalTemplate.Layout layout = NationalTemplate.layout(rows, Optional.empty());
        assertEquals(NationalTemplate.PENALTY, layout.template());
        assertEquals(1, layout.headerRow());
        assertEquals(List.of("经办人"), layout.ignoredHeaders());
        IncomingRow row = NationalTemplate.toRow(rows.get(2), layout);
        assertEquals(3, row.number());
        assertEquals("A1", row.fields().sourceRecordId());
        assertEquals("A1", row.fields().decisionNumber());
        assertEquals("penalty", row.fields().category());
        assertEquals("甲", row.fields().subjectName());
        assertEquals("5000", row.fields().amount());
        assertFalse(row.amountInTenThousands(), "a header that says 元 is taken in yuan");
        assertEquals("罚款金额(元)", row.label("amount"));
        assertEquals("*行政处罚决定书文号", row.label("sourceRecordId"));
    }

    @Test
    void shouldSplitPenaltyTypesAndReadTheStatus() {
        List<TemplateFiles.SheetRow> rows = csv("""
                行政处罚决定书文号,行政相对人名称,行政相对人类别,处罚内容,处罚决定日期,数据来源单位,数据来源单位统一社会信用代码,处罚类别,当前状态,罚款金额（万元）
                A1,甲,自然人,罚款,2026-11-02,局,x,警告；罚款、没收违法所得;警告,2,1
                A2,甲,自然人,罚款,2026-11-02,局,x,,有效,1
                A3,甲,自然人,罚款,2026-11-02,局,x,,3,1
                """);
        NationalTemplate.Layout layout = NationalTemplate.layout(rows, Optional.of(NationalTemplate.PENALTY));
        IncomingRow revoked = NationalTemplate.toRow(rows.get(1), layout);
        assertEquals(List.of("警告", "罚款", "没收违法所得"), revoked.fields().penaltyTypes());
        assertTrue(revoked.fields().revoked());
        assertTrue(revoked.amountInTenThousands());
        IncomingRow valid = NationalTemplate.toRow(rows.get(2), layout);
        assertFalse(valid.fields().revoked());
        assertNull(valid.fields().penaltyTypes());
        assertEquals("unknown-value", NationalTemplate.toRow(rows.get(3), layout).errors().getFirst().code());
    }

    @Test
    void shouldTakeDatesFromSpreadsheetDayNumbers() {
        List<TemplateFiles.SheetRow> rows = TemplateFiles.readXlsx(XlsxFiles.workbook(List.of(
                List.<Object>of("行政许可决定文书号", "行政相对人名称", "行政相对人类别", "许可内容", "许可决定日期", "数据来源单位", "数据来源单位统一社会信用代码",
                        "有效期至", "行政许可决定文书名称"),
                List.<Object>of("X1", "甲", "法人及非法人组织", "许可", LocalDate.of(2026, 9, 30), "局", "x", LocalDate.of(2031, 9, 29), ""))), 10, UNPACKED_LIMIT);
        NationalTemplate.Layout layout = NationalTemplate.layout(rows, Optional.empty());
        IncomingRow row = NationalTemplate.toRow(rows.get(1), layout);
        assertEquals(NationalTemplate.LICENCE, layout.template());
        assertEquals("2026-09-30", row.fields().decisionDate());
        assertEquals("2031-09-29", row.details().get("validUntil"));
        assertEquals("行政许可决定书", row.fields().title(), "a blank document name falls back to the template's");
    }

    @Test
    void shouldRefuseAWorkbookThatUnpacksBeyondTheLimitBeforeParsingIt() {
        byte[] bomb = XlsxFiles.workbook(List.of(List.<Object>of("行政处罚决定书文号", "行政相对人名称")), 200L << 20);
        assertTrue(bomb.length < 1 << 20, "a small upload: " + bomb.length + " bytes");
        ProblemException refused = assertThrows(ProblemException.class, () -> TemplateFiles.readXlsx(bomb, 10, UNPACKED_LIMIT));
        assertEquals(ProblemType.PAYLOAD_TOO_LARGE, refused.type());
        assertEquals("unpacks-too-large", refused.errors().getFirst().code());
    }

    /** The limit leaves room: a full batch of long penalty rows, every column filled, unpacks to a fraction of it. */
    @Test
    void shouldReadAFullBatchOfLongRowsWellWithinTheUnpackedLimit() {
        List<Object> header = List.of("行政处罚决定书文号", "行政相对人名称", "行政相对人类别", "行政相对人代码_1（统一社会信用代码）", "法定代表人", "违法行为类型",
                "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）", "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号",
                "处罚决定日期", "处罚有效期", "公示截止期", "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "当前状态",
                "失信严重程度", "备注");
        String facts = "经查，当事人于2026年10月在未取得道路运输经营许可的情况下，使用其所有的车辆从事道路货物运输经营活动，违法所得人民币若干元，".repeat(3);
        List<List<Object>> rows = new ArrayList<>(List.of(header));
        for (int i = 0; i < 5_000; i++) {
            rows.add(List.of("石交罚〔2026〕" + i + "号", "石河子（兵团）现代物流运输有限责任公司第" + i + "分公司", "法人及非法人组织", "91659001MA7XQ2K35D", "王强",
                    "未取得道路运输经营许可擅自从事道路运输经营", facts, "《中华人民共和国道路运输条例》第六十三条、《道路货物运输及站场管理规定》第五十九条", "罚款；没收违法所得",
                    "罚款人民币三万元整，没收违法所得", 3, 0.5, "道路运输经营许可证 新交运管许可石字659001001234号", LocalDate.of(2026, 11, 2),
                    LocalDate.of(2027, 11, 2), LocalDate.of(2027, 11, 2), "石河子市交通运输局", "11659001MB1234567X", "石河子市交通运输局",
                    "11659001MB1234567X", "有效", "一般", "当事人已于2026年11月20日缴清罚款"));
        }
        byte[] workbook = XlsxFiles.workbook(rows);
        long unpacked = XlsxFiles.unpackedSize(workbook);
        assertTrue(unpacked < UNPACKED_LIMIT / 4, "5 000 long rows unpack to " + unpacked + " bytes");
        assertEquals(5_001, TemplateFiles.readXlsx(workbook, 5_100, UNPACKED_LIMIT).size());
    }

    @Test
    void shouldRefuseHeadersThatAreNotATemplate() {
        ProblemException none = assertThrows(ProblemException.class, () -> NationalTemplate.layout(csv("甲,乙\r\n1,2\r\n"), Optional.empty()));
        assertEquals("missing-column", none.errors().getFirst().code());
        ProblemException other = assertThrows(ProblemException.class,
                () -> NationalTemplate.layout(csv("行政处罚决定书文号,处罚内容\r\n"), Optional.of(NationalTemplate.LICENCE)));
        assertEquals("missing-column", other.errors().getFirst().code());
        ProblemException missing = assertThrows(ProblemException.class,
                () -> NationalTemplate.layout(csv("行政处罚决定书文号,处罚内容\r\n"), Optional.empty()));
        assertEquals(List.of("行政相对人名称", "行政相对人类别", "处罚决定日期", "数据来源单位", "数据来源单位统一社会信用代码"),
                missing.errors().stream().map(e -> e.field()).toList());
    }
}
