package cn.opencredit.gateway.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class SeedCsvTests {

    private static final Region REGION = Region.ALL.getFirst();
    private static final Department COURT = new Department(DepartmentKind.COURT, REGION, "滑县人民法院",
            "11410526MB1234567X", "滑法");

    @Test
    void shouldQuoteAndDoubleQuotesWhenTextHoldsCsvSpecials() throws IOException {
        SubjectRow subject = new SubjectRow(7, "91410526MA00000000", "A \"B\", C\nD \\. E", SubjectRow.Type.ENTERPRISE,
                "", REGION, 'C', LocalDate.of(2020, 1, 2), SubjectRow.Status.ACTIVE, new BigDecimal("1000000.00"),
                "滑县道口镇人民路1号");

        String line = write(csv -> csv.subject(subject));

        assertEquals("7,91410526MA00000000,\"A \"\"B\"\", C\nD \\. E\",ENTERPRISE,\"\",410526,C,2020-01-02,ACTIVE,"
                + "1000000.00,CNY,滑县道口镇人民路1号\n", line);
    }

    @Test
    void shouldLeaveFieldsEmptyAndUnquotedWhenValuesAreNull() throws IOException {
        CreditRecordRow record = new CreditRecordRow(3, CreditRecordRow.Category.COMMITMENT, COURT, "2026000000000301",
                null, "信用承诺书", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 4), "承诺内容：依法诚信经营", null,
                null, null, null, CreditRecordRow.DisclosureLevel.PUBLIC, LocalDate.of(2026, 3, 1), null,
                CreditRecordRow.Status.PUBLISHED);

        String line = write(csv -> csv.record(record));

        assertEquals("3,COMMITMENT,滑县人民法院,11410526MB1234567X,2026000000000301,,信用承诺书,2026-03-01,2026-03-04,"
                + "承诺内容：依法诚信经营,,,,,PUBLIC,2026-03-01,,PUBLISHED\n", line);
    }

    @Test
    void shouldWriteOffsetTimestampsWithSecondsWhenWritingListEntries() throws IOException {
        OffsetDateTime included = OffsetDateTime.of(2025, 5, 6, 9, 30, 0, 0, SyntheticCreditData.CHINA);
        ListEntryRow entry = new ListEntryRow(9, ListEntryRow.ListType.DISHONEST_DEBTOR, COURT, "拒不履行", null, null,
                included, included.plusYears(2), included.plusDays(40), ListEntryRow.RemovalReason.COURT_DECISION, "已履行");

        String line = write(csv -> csv.listEntry(entry));

        assertEquals("9,DISHONEST_DEBTOR,滑县人民法院,11410526MB1234567X,拒不履行,,,2025-05-06T09:30:00+08:00,"
                + "2027-05-06T09:30:00+08:00,2025-06-15T09:30:00+08:00,COURT_DECISION,已履行\n", line);
    }

    @FunctionalInterface
    private interface Row {
        void writeTo(SeedCsv csv) throws IOException;
    }

    private static String write(Row row) throws IOException {
        StringWriter out = new StringWriter();
        row.writeTo(new SeedCsv(out));
        return out.toString();
    }
}
