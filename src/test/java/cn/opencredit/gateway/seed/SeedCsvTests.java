package cn.opencredit.gateway.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.creditlist.ListType;
import cn.opencredit.gateway.creditlist.RemovalReason;
import cn.opencredit.gateway.record.DisclosureLevel;
import cn.opencredit.gateway.record.RecordCategory;
import cn.opencredit.gateway.record.RecordStatus;
import cn.opencredit.gateway.record.Severity;
import cn.opencredit.gateway.shared.time.WorkdayCalendar;
import cn.opencredit.gateway.subject.SubjectStatus;
import cn.opencredit.gateway.subject.SubjectType;

class SeedCsvTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    private static final Region REGION = Region.ALL.getFirst();
    private static final Department COURT = new Department(DepartmentKind.COURT, REGION, "滑县人民法院",
            "11410526MB1234567X", "滑法");

    @Test
    void shouldQuoteAndDoubleQuotesWhenTextHoldsCsvSpecials() throws IOException {
        SubjectRow subject = new SubjectRow(7, "91410526MA00000000", "A \"B\", C\nD \\. E", SubjectType.ENTERPRISE,
                "", REGION, 'C', LocalDate.of(2020, 1, 2), SubjectStatus.ACTIVE, new BigDecimal("1000000.00"),
                "滑县道口镇人民路1号");

        String line = write(csv -> csv.subject(subject));

        assertEquals("7,91410526MA00000000,\"A \"\"B\"\", C\nD \\. E\",ENTERPRISE,\"\",410526,C,2020-01-02,ACTIVE,"
                + "1000000.00,CNY,滑县道口镇人民路1号\n", line);
    }

    @Test
    void shouldLeaveFieldsEmptyAndUnquotedWhenValuesAreNull() throws IOException {
        CreditRecordRow record = new CreditRecordRow(3, RecordCategory.COMMITMENT, COURT, "2026000000000301",
                null, "信用承诺书", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 4), "承诺内容：依法诚信经营", null,
                null, null, null, DisclosureLevel.PUBLIC, LocalDate.of(2026, 3, 1), null,
                RecordStatus.PUBLISHED, null);

        String line = write(csv -> csv.record(record));

        assertEquals("3,COMMITMENT,滑县人民法院,11410526MB1234567X,2026000000000301,,信用承诺书,2026-03-01,2026-03-04,"
                + "承诺内容：依法诚信经营,,,,,PUBLIC,2026-03-01,,PUBLISHED,,,,\n", line);
    }

    /** The evaluation reads a rating's level from details.rating. */
    @Test
    void shouldWriteARatingsLevelAsJsonDetails() throws IOException {
        CreditRecordRow record = new CreditRecordRow(3, RecordCategory.TAX_CREDIT_GRADE, COURT, "2026000000000302", null,
                "2025年度纳税信用等级评价", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 2), "评价年度：2025；纳税信用级别：A", null, null,
                null, null, DisclosureLevel.PUBLIC, LocalDate.of(2026, 4, 1), LocalDate.of(2027, 4, 1), RecordStatus.PUBLISHED, "A");

        String line = write(csv -> csv.record(record));

        assertTrue(line.endsWith(",PUBLISHED,\"{\"\"rating\"\":\"\"A\"\"}\",,,\n"), line);
    }

    /** Licences and penalties carry the 双公示 timeliness ingestion would give them, so that its statistics have demo data. */
    @Test
    void shouldWriteThe7thWorkingDayAndLatenessOfAPenalty() throws IOException {
        CreditRecordRow onTime = new CreditRecordRow(3, RecordCategory.PENALTY, COURT, "2026000000000303", "滑罚〔2026〕3号", "行政处罚决定书",
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6), "罚款", null, Severity.GENERAL, null, null, DisclosureLevel.PUBLIC,
                LocalDate.of(2026, 3, 6), null, RecordStatus.PUBLISHED, null);
        CreditRecordRow late = new CreditRecordRow(3, RecordCategory.PENALTY, COURT, "2026000000000304", "滑罚〔2026〕4号", "行政处罚决定书",
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 16), "罚款", null, Severity.GENERAL, null, null, DisclosureLevel.PUBLIC,
                LocalDate.of(2026, 3, 16), null, RecordStatus.PUBLISHED, null);

        // Monday 2 March: the 7th working day after it is Wednesday 11 March (plain weekdays: the test's calendar is empty).
        assertTrue(write(csv -> csv.record(onTime)).endsWith(",PUBLISHED,,2026-03-11,4,false\n"));
        assertTrue(write(csv -> csv.record(late)).endsWith(",PUBLISHED,,2026-03-11,10,true\n"));
    }

    @Test
    void shouldWriteOffsetTimestampsWithSecondsWhenWritingListEntries() throws IOException {
        OffsetDateTime included = OffsetDateTime.of(2025, 5, 6, 9, 30, 0, 0, ZoneOffset.ofHours(8));
        ListEntryRow entry = new ListEntryRow(9, ListType.DISHONEST_DEBTOR, COURT, "拒不履行", null, null,
                included, included.plusYears(2), included.plusDays(40), RemovalReason.COURT_DECISION, "已履行");

        String line = write(csv -> csv.listEntry(entry));

        assertEquals("9,DISHONEST_DEBTOR,滑县人民法院,11410526MB1234567X,拒不履行,,,2025-05-06T09:30:00+08:00,"
                + "2027-05-06T09:30:00+08:00,2025-06-15T09:30:00+08:00,COURT_DECISION,已履行\n", line);
    }

    /**
     * COPY writes enum names straight into columns whose CHECK constraints list the names allowed;
     * each enum the rows carry must name exactly those, or loading fails (or some state can never be
     * generated). Every such constraint on the three loaded tables must be covered here.
     */
    @Test
    void shouldWriteExactlyTheNamesTheSchemaAllowsWhenAColumnHoldsAnEnum() throws IOException {
        Map<String, Class<? extends Enum<?>>> enumColumns = Map.of(
                "subject_type_known", SubjectType.class,
                "subject_status_known", SubjectStatus.class,
                "credit_record_category_known", RecordCategory.class,
                "credit_record_severity_known", Severity.class,
                "credit_record_disclosure_known", DisclosureLevel.class,
                "credit_record_status_known", RecordStatus.class,
                "list_entry_type_known", ListType.class,
                "list_entry_removal_reason_known", RemovalReason.class);
        Map<String, Set<String>> allowed = valueListChecks();

        Set<String> loadedTableChecks = new TreeSet<>(allowed.keySet());
        loadedTableChecks.removeIf(name -> !name.matches("(subject|credit_record|list_entry)_.*"));
        assertEquals(new TreeSet<>(enumColumns.keySet()), loadedTableChecks);
        enumColumns.forEach((constraint, type) -> assertEquals(allowed.get(constraint), names(type), constraint));
    }

    /** The value lists of {@code CONSTRAINT name CHECK (column IN (…))} in the migrations; a later migration's wins. */
    private static Map<String, Set<String>> valueListChecks() throws IOException {
        Pattern check = Pattern.compile("CONSTRAINT\\s+(\\w+)\\s+CHECK\\s*\\(\\s*\\w+\\s+IN\\s*\\(([^)]*)\\)\\s*\\)");
        Pattern quoted = Pattern.compile("'([^']*)'");
        Map<String, Set<String>> allowed = new HashMap<>();
        List<Path> migrations;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            migrations = files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql")).sorted().toList();
        }
        assertFalse(migrations.isEmpty(), "no migrations under " + MIGRATIONS.toAbsolutePath());
        for (Path migration : migrations) {
            Matcher constraint = check.matcher(Files.readString(migration));
            while (constraint.find()) {
                Set<String> values = new TreeSet<>();
                quoted.matcher(constraint.group(2)).results().forEach(value -> values.add(value.group(1)));
                allowed.put(constraint.group(1), values);
            }
        }
        return allowed;
    }

    private static Set<String> names(Class<? extends Enum<?>> type) {
        Set<String> names = new TreeSet<>();
        for (Enum<?> constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return names;
    }

    @FunctionalInterface
    private interface Row {
        void writeTo(SeedCsv csv) throws IOException;
    }

    private static String write(Row row) throws IOException {
        StringWriter out = new StringWriter();
        row.writeTo(new SeedCsv(out, WorkdayCalendar.empty()));
        return out.toString();
    }
}
