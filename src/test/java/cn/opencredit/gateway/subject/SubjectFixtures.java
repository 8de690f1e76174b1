package cn.opencredit.gateway.subject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;

import cn.opencredit.gateway.shared.time.ChinaTime;
import cn.opencredit.gateway.shared.uscc.Uscc;

/**
 * Known subjects, records and list entries in region 659001 (石河子), which the synthetic seed
 * does not use, written over JDBC once per test run. Dates are relative to today in China.
 */
@ApplicationScoped
public class SubjectFixtures {

    public static final String REGION = "659001";
    public static final String DEPARTMENT_USCC = uscc("11", "MB000001");
    public static final String DEPARTMENT = "石河子市市场监督管理局";

    /** An enterprise with records of every visibility case and list entries of every state. */
    public static final String RICH = uscc("91", "MA000001");
    /** An enterprise with no records and no list entries; its USCC contains letters. */
    public static final String BARE = uscc("91", "MA0000AB");
    public static final String UNREGISTERED = uscc("91", "MA000007");

    /** Search targets whose names hold characters that SQL LIKE or quoting would misread. */
    public static final List<String[]> AWKWARD_NAMES = List.of(
            new String[] {uscc("91", "MA000101"), "石河子100%纯净水有限公司"},
            new String[] {uscc("91", "MA000102"), "石河子1000纯净水有限公司"},
            new String[] {uscc("91", "MA000103"), "石河子A_B科技有限公司"},
            new String[] {uscc("91", "MA000104"), "石河子AxB科技有限公司"},
            new String[] {uscc("91", "MA000105"), "石河子O'Brien贸易有限公司"},
            new String[] {uscc("91", "MA000106"), "石河子\"老王\"餐饮有限公司"},
            new String[] {uscc("91", "MA000107"), "石河子张&李律师事务所"},
            new String[] {uscc("91", "MA000108"), "石河子反斜杠\\测试有限公司"},
            new String[] {uscc("91", "MA000109"), "石河子天山（兵团）果业有限公司"});

    /** Public, in-window records of {@link #RICH}; several share a decision date to exercise the keyset tie-break. */
    public static final int RICH_VISIBLE_PLAIN_RECORDS = 23;

    private final AgroalDataSource dataSource;
    private final RedisDataSource redis;
    private boolean loaded;

    SubjectFixtures(AgroalDataSource dataSource, RedisDataSource redis) {
        this.dataSource = dataSource;
        this.redis = redis;
    }

    /** A valid USCC in the fixture region from its first two characters and an 8-character organisation-code body. */
    public static String uscc(String authorityAndType, String body8) {
        String first17 = authorityAndType + REGION + body8 + Uscc.organisationCodeCheckCharacter(body8);
        return first17 + Uscc.checkCharacter(first17);
    }

    public synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        // The schema is rebuilt for every run but Redis is not: answers cached by an earlier run
        // would describe subjects that no longer exist in that form.
        redis.key().keys("cache:*").forEach(key -> redis.key().del(key));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long rich = insertSubject(connection, RICH, "石河子恒通物流有限公司", "ENTERPRISE", "李明");
            insertSubject(connection, BARE, "石河子天山果业有限公司", "ENTERPRISE", "赵芳");
            insertSubject(connection, DEPARTMENT_USCC, DEPARTMENT, "GOVERNMENT_BODY", null);
            for (String[] awkward : AWKWARD_NAMES) {
                insertSubject(connection, awkward[0], awkward[1], "ENTERPRISE", "王强");
            }
            insertRichRecords(connection, rich);
            insertRichListEntries(connection, rich);
            connection.commit();
            loaded = true;
        } catch (SQLException e) {
            throw new IllegalStateException("fixtures could not be written", e);
        }
    }

    /** Registers an enterprise in the fixture region under {@code name}, or renames it if it is there. */
    public void register(String uscc, String name) {
        try (Connection connection = dataSource.getConnection()) {
            insertSubject(connection, uscc, name, "ENTERPRISE", null);
        } catch (SQLException e) {
            throw new IllegalStateException("subject " + uscc + " could not be written", e);
        }
    }

    private static long insertSubject(Connection connection, String uscc, String name, String type, String legalRepresentative)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO subject (uscc, name, subject_type, legal_representative, region_code, industry_section, registered_on,
                                     status, registered_capital, address)
                VALUES (?, ?, ?, ?, ?, 'G', DATE '2015-03-18', 'ACTIVE', 1000000.50, '新疆石河子市北四路1号')
                ON CONFLICT (uscc) DO UPDATE SET name = EXCLUDED.name RETURNING id""")) {
            insert.setString(1, uscc);
            insert.setString(2, name);
            insert.setString(3, type);
            insert.setString(4, legalRepresentative);
            insert.setString(5, REGION);
            try (var rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void insertRichRecords(Connection connection, long subjectId) throws SQLException {
        LocalDate today = ChinaTime.today(java.time.Clock.systemUTC());
        List<Object[]> records = new ArrayList<>();
        String[] categories = {"LICENCE", "PENALTY", "INSPECTION", "HONOUR", "TAX_CREDIT_GRADE"};
        for (int i = 0; i < RICH_VISIBLE_PLAIN_RECORDS; i++) {
            String category = categories[i % categories.length];
            // Pairs of records share a decision date: the id must break the tie consistently.
            LocalDate decided = today.minusDays(10L + (i / 2) * 7L);
            records.add(new Object[] {"plain-" + i, category, decided, "PUBLIC", "PUBLISHED", decided, null});
        }
        records.add(new Object[] {"disputed", "PENALTY", today.minusDays(3), "PUBLIC", "DISPUTED", today.minusDays(3), today.plusYears(1)});
        records.add(new Object[] {"corrected", "LICENCE", today.minusDays(4), "PUBLIC", "CORRECTED", today.minusDays(4), null});
        records.add(new Object[] {"authorised", "PENALTY", today.minusDays(5), "AUTHORISED", "PUBLISHED", today.minusDays(5), null});
        records.add(new Object[] {"government", "INSPECTION", today.minusDays(6), "GOVERNMENT", "PUBLISHED", today.minusDays(6), null});
        records.add(new Object[] {"repaired", "PENALTY", today.minusDays(7), "PUBLIC", "REPAIRED", today.minusDays(7), today.plusYears(1)});
        records.add(new Object[] {"revoked", "PENALTY", today.minusDays(8), "PUBLIC", "REVOKED", today.minusDays(8), today.plusYears(1)});
        records.add(new Object[] {"window-ended", "PENALTY", today.minusYears(2), "PUBLIC", "PUBLISHED", today.minusYears(2),
                today.minusDays(1)});
        records.add(new Object[] {"window-ends-today", "PENALTY", today.minusMonths(3), "PUBLIC", "PUBLISHED", today.minusMonths(3), today});
        records.add(new Object[] {"not-yet-published", "LICENCE", today.minusDays(2), "PUBLIC", "PUBLISHED", today.plusDays(1), null});
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO credit_record (subject_id, category, source_department, source_department_uscc, source_record_id,
                    decision_number, title, decision_date, reported_on, content, legal_basis, severity, amount, currency,
                    disclosure_level, published_from, published_until, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '《中华人民共和国行政许可法》', ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source_department_uscc, source_record_id) DO NOTHING""")) {
            for (Object[] r : records) {
                boolean penalty = "PENALTY".equals(r[1]);
                insert.setLong(1, subjectId);
                insert.setString(2, (String) r[1]);
                insert.setString(3, DEPARTMENT);
                insert.setString(4, DEPARTMENT_USCC);
                insert.setString(5, "fixture-" + r[0]);
                insert.setString(6, "石市监〔2026〕" + r[0] + "号");
                insert.setString(7, "fixture " + r[0]);
                insert.setObject(8, r[2]);
                insert.setObject(9, ((LocalDate) r[2]).plusDays(2));
                insert.setString(10, "测试记录 " + r[0]);
                insert.setString(11, penalty ? "GENERAL" : null);
                insert.setBigDecimal(12, penalty ? new java.math.BigDecimal("12345.67") : null);
                insert.setString(13, penalty ? "CNY" : null);
                insert.setString(14, (String) r[3]);
                insert.setObject(15, r[5]);
                insert.setObject(16, r[6]);
                insert.setString(17, (String) r[4]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertRichListEntries(Connection connection, long subjectId) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now();
        Object[][] entries = {
                {"RED", now.minusMonths(2), null, null, null},
                {"ABNORMAL", now.minusDays(30), now.plusDays(30), null, null},
                {"BLACK", now.minusYears(2), null, now.minusMonths(1), "REPAIRED"},
                {"WATCH", now.minusYears(1), now.minusDays(1), null, null},
                {"DISHONEST_DEBTOR", now.plusDays(1), null, null, null}};
        try (PreparedStatement existing = connection.prepareStatement("SELECT 1 FROM list_entry WHERE subject_id = ?")) {
            existing.setLong(1, subjectId);
            if (existing.executeQuery().next()) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO list_entry (subject_id, list_type, authority, authority_uscc, reason, legal_basis, legal_representative,
                    included_at, expires_at, removed_at, removal_reason)
                VALUES (?, ?, ?, ?, ?, '《失信行为纠正后的信用信息修复管理办法》', ?, ?, ?, ?, ?)""")) {
            for (Object[] e : entries) {
                insert.setLong(1, subjectId);
                insert.setString(2, (String) e[0]);
                insert.setString(3, DEPARTMENT);
                insert.setString(4, DEPARTMENT_USCC);
                insert.setString(5, "fixture " + e[0]);
                insert.setString(6, "BLACK".equals(e[0]) ? "李明" : null);
                insert.setObject(7, e[1]);
                insert.setObject(8, e[2]);
                insert.setObject(9, e[3]);
                insert.setString(10, (String) e[4]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
