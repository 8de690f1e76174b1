package cn.opencredit.gateway.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * The history chain written by the V008 triggers, and the integrity walk over it. Tampering is done
 * the way an attacker with database access would: switching the append-only trigger off.
 */
@QuarkusTest
class HistoryIntegrityTests {

    private static final String INTEGRITY = "/api/v1/admin/integrity";
    private static final String DEPARTMENT = SubjectFixtures.uscc("11", "MCH00001");
    private static final AtomicInteger SUBJECTS = new AtomicInteger();
    private static final AtomicInteger RECORDS = new AtomicInteger();

    private final AgroalDataSource dataSource;
    private final AccessFixtures access;

    HistoryIntegrityTests(AgroalDataSource dataSource, AccessFixtures access) {
        this.dataSource = dataSource;
        this.access = access;
    }

    @Test
    void shouldReportIntactChainWhenNothingWasTampered() throws SQLException {
        long subject = subject();
        record(subject);
        long head = scalar("SELECT last_sequence FROM history_chain_head");
        Response response = integrity();
        response.then().statusCode(200)
                .body("intact", equalTo(true))
                .body("brokenLink", equalTo(null));
        assertTrue(((Number) response.path("verified")).longValue() >= head);
        assertEquals(scalar("SELECT count(*) FROM history_entry WHERE sequence <= " + response.path("head.sequence")),
                ((Number) response.path("verified")).longValue());
    }

    @Test
    void shouldAppendOneEntryPerRowAndOperationWhenRecordsAndListEntriesChange() throws SQLException {
        long subject = subject();
        long before = scalar("SELECT last_sequence FROM history_chain_head");
        long record = record(subject);
        execute("UPDATE credit_record SET status = 'REPAIRED', updated_at = now() WHERE id = " + record);
        execute("INSERT INTO list_entry (subject_id, list_type, authority, authority_uscc, reason, included_at) VALUES (" + subject
                + ", 'RED', '石河子市税务局', '" + DEPARTMENT + "', '纳税信用A级', now())");
        List<String> entries = strings("SELECT table_name || ' ' || operation || ' ' || coalesce(content ->> 'status', '-') FROM history_entry "
                + "WHERE sequence > " + before + " AND ((table_name = 'credit_record' AND row_id = " + record
                + ") OR (table_name = 'list_entry' AND (content ->> 'subject_id')::bigint = " + subject + ")) ORDER BY sequence");
        assertEquals(List.of("credit_record INSERT PUBLISHED", "credit_record UPDATE REPAIRED", "list_entry INSERT -"), entries);
        integrity().then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void shouldDetectAnEditedEntryAtExactlyThatEntry() throws SQLException {
        long subject = subject();
        long record = record(subject);
        record(subject);
        long edited = scalar("SELECT sequence FROM history_entry WHERE table_name = 'credit_record' AND row_id = " + record);
        String storedHash = strings("SELECT encode(hash, 'hex') FROM history_entry WHERE sequence = " + edited).getFirst();
        String original = strings("SELECT content::text FROM history_entry WHERE sequence = " + edited).getFirst();
        tamper("UPDATE history_entry SET content = jsonb_set(content, '{content}', '\"罚款已免除\"') WHERE sequence = " + edited);
        try {
            integrity().then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("verified", equalTo((int) edited - 1))
                    .body("brokenLink.sequence", equalTo((int) edited))
                    .body("brokenLink.problem", equalTo("hash-mismatch"))
                    .body("brokenLink.table", equalTo("credit_record"))
                    .body("brokenLink.rowId", equalTo(Long.toString(record)))
                    .body("brokenLink.operation", equalTo("INSERT"))
                    .body("brokenLink.storedHash", equalTo(storedHash))
                    .body("brokenLink.expectedHash", not(equalTo(storedHash)));
        } finally {
            tamper("UPDATE history_entry SET content = '" + original.replace("'", "''") + "'::jsonb WHERE sequence = " + edited);
        }
        integrity().then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void shouldDetectADeletedEntryAsAGapInTheSequence() throws SQLException {
        long subject = subject();
        long record = record(subject);
        record(subject);
        long deleted = scalar("SELECT sequence FROM history_entry WHERE table_name = 'credit_record' AND row_id = " + record);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE saved_entry AS SELECT * FROM history_entry WHERE sequence = " + deleted);
            statement.execute("ALTER TABLE history_entry DISABLE TRIGGER history_entry_append_only");
            statement.execute("DELETE FROM history_entry WHERE sequence = " + deleted);
            statement.execute("ALTER TABLE history_entry ENABLE TRIGGER history_entry_append_only");
            try {
                integrity().then().statusCode(200)
                        .body("intact", equalTo(false))
                        .body("verified", equalTo((int) deleted - 1))
                        .body("brokenLink.sequence", equalTo((int) deleted))
                        .body("brokenLink.problem", equalTo("missing-entry"));
            } finally {
                statement.execute("INSERT INTO history_entry SELECT * FROM saved_entry");
                statement.execute("DROP TABLE saved_entry");
            }
        }
        integrity().then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void shouldDetectAHeadThatDoesNotMatchTheChain() throws SQLException {
        record(subject());
        String hash = strings("SELECT encode(last_hash, 'hex') FROM history_chain_head").getFirst();
        execute("UPDATE history_chain_head SET last_hash = sha256(last_hash)");
        try {
            integrity().then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("brokenLink.problem", equalTo("head-mismatch"))
                    .body("brokenLink.expectedHash", equalTo(hash));
        } finally {
            execute("UPDATE history_chain_head SET last_hash = decode('" + hash + "', 'hex')");
        }
    }

    @Test
    void shouldRefuseToUpdateDeleteOrTruncateTheHistory() throws SQLException {
        record(subject());
        long last = scalar("SELECT max(sequence) FROM history_entry");
        for (String sql : List.of("UPDATE history_entry SET row_id = 0 WHERE sequence = " + last,
                "DELETE FROM history_entry WHERE sequence = " + last, "TRUNCATE history_entry")) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(sql), sql);
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
        assertEquals(last, scalar("SELECT max(sequence) FROM history_entry"));
    }

    /** Concurrent writers queue on the chain head: every entry gets its own place in one gapless order. */
    @Test
    void shouldChainConcurrentWritersIntoOneGaplessOrder() throws Exception {
        long subject = subject();
        long before = scalar("SELECT last_sequence FROM history_chain_head");
        int writers = 6;
        int transactions = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit((Callable<Void>) () -> {
                    try (Connection connection = connect()) {
                        connection.setAutoCommit(false);
                        for (int t = 0; t < transactions; t++) {
                            insertRecord(connection, subject);
                            insertRecord(connection, subject);
                            connection.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> writer : done) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
        long after = scalar("SELECT last_sequence FROM history_chain_head");
        assertTrue(after - before >= writers * transactions * 2L);
        assertEquals(after - before, scalar("SELECT count(*) FROM history_entry WHERE sequence > " + before + " AND sequence <= " + after));
        integrity().then().statusCode(200).body("intact", equalTo(true));
    }

    /**
     * One statement's rows, inserted, updated or deleted, are appended in one go (V050, V057): consecutive
     * entries in row order, each linked to the one before.
     */
    @Test
    void shouldLinkEveryRowOfAMultiRowStatementInRowOrder() throws SQLException {
        long subject = subject();
        long before = scalar("SELECT last_sequence FROM history_chain_head");
        String batch = "history-batch-" + RECORDS.incrementAndGet() + "-";
        execute("""
                INSERT INTO credit_record (subject_id, category, source_department, source_department_uscc, source_record_id, title,
                    decision_date, reported_on, content, severity, amount, currency, published_from)
                SELECT %d, 'PENALTY', '石河子市市场监督管理局', '%s', '%s' || g, '行政处罚决定书', DATE '2026-03-02', DATE '2026-03-05',
                    '未按规定公示年度报告，罚款' || g || '元', 'GENERAL', g, 'CNY', DATE '2026-03-02'
                FROM generate_series(1, 40) AS g""".formatted(subject, DEPARTMENT, batch));
        execute("UPDATE credit_record SET status = 'REPAIRED', updated_at = now() WHERE source_record_id LIKE '" + batch + "%'");
        List<String> ids = strings("SELECT id FROM credit_record WHERE source_record_id LIKE '" + batch + "%' ORDER BY id");
        execute("DELETE FROM credit_record WHERE source_record_id LIKE '" + batch + "%'");
        String ours = "h.sequence > " + before + " AND h.table_name = 'credit_record' AND h.row_id IN (" + String.join(", ", ids) + ")";
        List<String> operations = strings("SELECT h.operation || ':' || h.row_id FROM history_entry h WHERE " + ours
                + " ORDER BY h.sequence");
        List<String> expected = new ArrayList<>();
        ids.forEach(id -> expected.add("INSERT:" + id));
        ids.forEach(id -> expected.add("UPDATE:" + id));
        ids.forEach(id -> expected.add("DELETE:" + id));
        assertEquals(expected, operations);
        assertEquals(39, scalar("SELECT max(h.sequence) - min(h.sequence) FROM history_entry h WHERE " + ours
                + " AND h.operation = 'INSERT'"));

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT h.sequence, h.table_name, h.row_id, h.operation, (extract(epoch FROM h.recorded_at) * 1000000)::bigint,
                               h.content::text, h.hash, p.hash
                        FROM history_entry h JOIN history_entry p ON p.sequence = h.sequence - 1
                        WHERE %s ORDER BY h.sequence""".formatted(ours))) {
            int linked = 0;
            while (rows.next()) {
                HistoryLink link = new HistoryLink(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getString(4), rows.getLong(5),
                        rows.getString(6), rows.getBytes(7));
                assertEquals(HexFormat.of().formatHex(link.hash()),
                        HexFormat.of().formatHex(HistoryChain.linkHash(rows.getBytes(8), link)));
                linked++;
            }
            assertEquals(120, linked);
        }
        assertEquals(1, scalar("SELECT count(*) FROM history_chain_head c "
                + "JOIN history_entry h ON h.sequence = c.last_sequence AND h.hash = c.last_hash"));
        integrity().then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void shouldAgreeWithTheDatabaseOnTheHashOfAnEntry() throws SQLException {
        long subject = subject();
        record(subject);
        record(subject);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        SELECT h.sequence, h.table_name, h.row_id, h.operation, (extract(epoch FROM h.recorded_at) * 1000000)::bigint,
                               h.content::text, h.hash, p.hash
                        FROM history_entry h JOIN history_entry p ON p.sequence = h.sequence - 1
                        ORDER BY h.sequence DESC LIMIT 1""")) {
            row.next();
            HistoryLink link = new HistoryLink(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4), row.getLong(5),
                    row.getString(6), row.getBytes(7));
            assertEquals(HexFormat.of().formatHex(link.hash()), HexFormat.of().formatHex(HistoryChain.linkHash(row.getBytes(8), link)));
        }
    }

    @Test
    void shouldLetOperatorsAndSupervisorsVerifyButNobodyElse() {
        String supervisor = AccessFixtures.issueKey(AccessFixtures.createConsumer("信用办监督", ConsumerType.OPERATOR, null,
                List.of("audit:read"), "standard"));
        given().header("Authorization", AccessFixtures.bearer(supervisor)).when().get(INTEGRITY).then().statusCode(200);
        given().when().get(INTEGRITY).then().statusCode(401)
                .body("type", equalTo("https://api.opencredit.cn/problems/unauthenticated"));
        given().header("Authorization", AccessFixtures.bearer("ocg_thisKeyWasNeverIssuedByTheGateway0")).when().get(INTEGRITY)
                .then().statusCode(401);
        for (ConsumerType type : List.of(ConsumerType.APP, ConsumerType.BANK, ConsumerType.DEPARTMENT, ConsumerType.SUBJECT)) {
            given().header("Authorization", AccessFixtures.bearer(access.key(type))).when().get(INTEGRITY)
                    .then().statusCode(403).body("type", equalTo("https://api.opencredit.cn/problems/forbidden"));
        }
    }

    private static Response integrity() {
        return given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).when().get(INTEGRITY);
    }

    private long subject() throws SQLException {
        String uscc = SubjectFixtures.uscc("91", "MCH1%04d".formatted(SUBJECTS.incrementAndGet()));
        return scalar("INSERT INTO subject (uscc, name, subject_type, region_code) VALUES ('" + uscc + "', '石河子历史测试" + uscc
                + "有限公司', 'ENTERPRISE', '659001') ON CONFLICT (uscc) DO UPDATE SET name = EXCLUDED.name RETURNING id");
    }

    private long record(long subject) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return insertRecord(connection, subject);
        }
    }

    private static long insertRecord(Connection connection, long subject) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO credit_record (subject_id, category, source_department, source_department_uscc, source_record_id, title,
                    decision_date, reported_on, content, severity, amount, currency, published_from)
                VALUES (?, 'PENALTY', '石河子市市场监督管理局', ?, ?, '行政处罚决定书', DATE '2026-03-02', DATE '2026-03-05',
                    '未按规定公示年度报告，罚款5000元', 'GENERAL', 5000.00, 'CNY', DATE '2026-03-02') RETURNING id""")) {
            insert.setLong(1, subject);
            insert.setString(2, DEPARTMENT);
            insert.setString(3, "history-" + RECORDS.incrementAndGet());
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    private void tamper(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE history_entry DISABLE TRIGGER history_entry_append_only");
            try {
                statement.execute(sql);
            } finally {
                statement.execute("ALTER TABLE history_entry ENABLE TRIGGER history_entry_append_only");
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long scalar(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), null);
    }
}
