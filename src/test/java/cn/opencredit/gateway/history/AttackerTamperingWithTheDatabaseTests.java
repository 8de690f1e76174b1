package cn.opencredit.gateway.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * What someone with write access to PostgreSQL would do to hide or forge a credit record, and how
 * the integrity check and the signed checkpoints catch each: rows edited, inserted and deleted with
 * the triggers off, history entries edited, the tail of the chain rewritten with recomputed hashes
 * and a moved head, checkpoints forged or removed. Every test puts the database back as it found
 * it, so that the other tests see an intact history.
 */
@QuarkusTest
class AttackerTamperingWithTheDatabaseTests {

    private static final String INTEGRITY = "/api/v1/admin/integrity";
    private static final String CHECKPOINTS = "/api/v1/history/checkpoints";
    private static final String DEPARTMENT = SubjectFixtures.uscc("11", "MCH00002");
    private static final AtomicInteger SUBJECTS = new AtomicInteger();
    private static final AtomicInteger RECORDS = new AtomicInteger();

    private final AgroalDataSource dataSource;

    AttackerTamperingWithTheDatabaseTests(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void shouldNameTheRowAndFieldsOfARecordEditedWithTheTriggersOff() throws SQLException {
        long record = record(subject());
        String original = text("SELECT content FROM credit_record WHERE id = " + record);
        asAttacker("UPDATE credit_record SET content = '罚款已全部免除', amount = 0.00 WHERE id = " + record);
        try {
            JsonPath found = integrity();
            assertEquals(false, found.getBoolean("intact"));
            assertNull(found.get("brokenLink"), "the chain itself is untouched");
            Map<String, Object> finding = only(found, "row-differs", record);
            assertEquals("credit_record", finding.get("table"));
            assertEquals(List.of("amount", "content"), finding.get("fields"));
        } finally {
            asAttacker("UPDATE credit_record SET content = '" + original + "', amount = 5000.00 WHERE id = " + record);
        }
        assertIntact();
    }

    @Test
    void shouldReportARecordInsertedWithTheTriggersOff() throws SQLException {
        long subject = subject();
        long forged = scalarAsAttacker("""
                INSERT INTO credit_record (subject_id, category, source_department, source_department_uscc, source_record_id, title,
                    decision_date, reported_on, content, published_from)
                VALUES (%d, 'HONOUR', '石河子市人民政府', '%s', 'forged-%d', '守合同重信用企业', DATE '2026-05-01', DATE '2026-05-01',
                    '伪造的荣誉', DATE '2026-05-01') RETURNING id""".formatted(subject, DEPARTMENT, System.nanoTime()));
        try {
            Map<String, Object> finding = only(integrity(), "row-without-history", forged);
            assertEquals("credit_record", finding.get("table"));
        } finally {
            asAttacker("DELETE FROM credit_record WHERE id = " + forged);
        }
        assertIntact();
    }

    @Test
    void shouldReportARecordDeletedWithTheTriggersOff() throws SQLException {
        long record = record(subject());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE hidden_record AS SELECT * FROM credit_record WHERE id = " + record);
            statement.execute("SET session_replication_role = replica");
            statement.execute("DELETE FROM credit_record WHERE id = " + record);
            statement.execute("SET session_replication_role = origin");
            try {
                Map<String, Object> finding = only(integrity(), "row-deleted-without-history", record);
                assertEquals("credit_record", finding.get("table"));
                assertTrue(((String) finding.get("detail")).contains("is gone"));
            } finally {
                statement.execute("SET session_replication_role = replica");
                statement.execute("INSERT INTO credit_record OVERRIDING SYSTEM VALUE SELECT * FROM hidden_record");
                statement.execute("SET session_replication_role = origin");
                statement.execute("DROP TABLE hidden_record");
            }
        }
        assertIntact();
    }

    @Test
    void shouldReportAListEntryRemovedInSecret() throws SQLException {
        long subject = subject();
        long entry = scalar("""
                INSERT INTO list_entry (subject_id, list_type, authority, authority_uscc, reason, included_at)
                VALUES (%d, 'BLACK', '石河子市市场监督管理局', '%s', '严重违法失信', now()) RETURNING id""".formatted(subject, DEPARTMENT));
        asAttacker("UPDATE list_entry SET removed_at = now(), removal_reason = 'REVOKED' WHERE id = " + entry);
        try {
            Map<String, Object> finding = only(integrity(), "row-differs", entry);
            assertEquals("list_entry", finding.get("table"));
            assertEquals(List.of("removal_reason", "removed_at"), finding.get("fields"));
        } finally {
            asAttacker("UPDATE list_entry SET removed_at = NULL, removal_reason = NULL WHERE id = " + entry);
        }
        assertIntact();
    }

    @Test
    void shouldCatchATailRewrittenWithRecomputedHashesByTheCheckpointSignedBeforeIt() throws SQLException {
        long record = record(subject());
        long edited = scalar("SELECT max(sequence) FROM history_entry WHERE table_name = 'credit_record' AND row_id = " + record);
        JsonPath kept = JsonPath.from(sign().asString());
        record(subject());
        long checkpoint = kept.getLong("sequence");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE original_tail AS SELECT * FROM history_entry WHERE sequence >= " + edited);
            statement.execute("CREATE TEMP TABLE original_head AS SELECT * FROM history_chain_head");
            try {
                // The attacker edits the record and its history entry, then recomputes every hash after it and moves the head.
                asAttacker(statement, "UPDATE credit_record SET content = '处罚已撤销' WHERE id = " + record);
                asAttacker(statement, "UPDATE history_entry SET content = jsonb_set(content, '{content}', '\"处罚已撤销\"') WHERE sequence = " + edited);
                asAttacker(statement, """
                        DO $$
                        DECLARE previous bytea; entry record;
                        BEGIN
                            SELECT hash INTO previous FROM history_entry WHERE sequence = %1$d - 1;
                            FOR entry IN SELECT * FROM history_entry WHERE sequence >= %1$d ORDER BY sequence LOOP
                                previous := history_link_hash(previous, entry.sequence, entry.table_name, entry.row_id, entry.operation,
                                                              entry.recorded_at, entry.content);
                                UPDATE history_entry SET hash = previous WHERE sequence = entry.sequence;
                            END LOOP;
                            UPDATE history_chain_head SET last_hash = previous;
                        END $$""".formatted(edited));

                JsonPath found = integrity();
                assertNull(found.get("brokenLink"), "the rewritten chain is consistent in itself");
                assertEquals(false, found.getBoolean("intact"));
                Map<String, Object> mismatch = first(found, "checkpoint-mismatch");
                assertEquals(checkpoint, ((Number) mismatch.get("sequence")).longValue());
                assertEquals(0, found.getList("findings.findAll { it.kind == 'row-differs' }").size(),
                        "row and entry were edited together, so only the checkpoint shows it");

                // The attacker also deletes the stored checkpoint; a copy someone kept still shows it.
                asAttacker(statement, "DELETE FROM history_checkpoint WHERE sequence >= " + checkpoint);
                assertEquals(true, integrity().getBoolean("intact"), "nothing in the database contradicts the rewrite any more");
                given().contentType(ContentType.JSON).body(Map.of("sequence", checkpoint, "hash", kept.getString("hash"),
                                "signature", kept.getString("signature")))
                        .when().post(CHECKPOINTS + "/verification")
                        .then().statusCode(200)
                        .body("signatureValid", equalTo(true))
                        .body("extended", equalTo(false))
                        .body("detail", org.hamcrest.Matchers.containsString("rewritten"));
            } finally {
                asAttacker(statement, "DELETE FROM history_entry WHERE sequence >= " + edited);
                asAttacker(statement, "INSERT INTO history_entry SELECT * FROM original_tail");
                asAttacker(statement, "UPDATE history_chain_head h SET last_sequence = o.last_sequence, last_hash = o.last_hash FROM original_head o");
                asAttacker(statement, "UPDATE credit_record SET content = '未按规定公示年度报告，罚款5000元' WHERE id = " + record);
                statement.execute("INSERT INTO history_checkpoint SELECT * FROM (VALUES (" + checkpoint + ", decode('" + kept.getString("hash")
                        + "', 'hex'), now(), '" + kept.getString("keyId") + "', decode('" + kept.getString("signature")
                        + "', 'base64'))) v ON CONFLICT DO NOTHING");
                statement.execute("DROP TABLE original_tail");
                statement.execute("DROP TABLE original_head");
            }
        }
        assertIntact();
    }

    @Test
    void shouldCatchACheckpointSignedByNoPublishedKey() throws SQLException {
        record(subject());
        JsonPath real = JsonPath.from(sign().asString());
        byte[] forged = Base64.getDecoder().decode(real.getString("signature"));
        forged[0] ^= 1;
        String original = real.getString("signature");
        execute("UPDATE history_checkpoint SET signature = decode('" + Base64.getEncoder().encodeToString(forged) + "', 'base64') WHERE sequence = "
                + real.getLong("sequence"));
        try {
            Map<String, Object> finding = first(integrity(), "checkpoint-signature-invalid");
            assertEquals(real.getLong("sequence"), ((Number) finding.get("sequence")).longValue());
        } finally {
            execute("UPDATE history_checkpoint SET signature = decode('" + original + "', 'base64') WHERE sequence = " + real.getLong("sequence"));
        }
        assertIntact();
    }

    @Test
    void shouldCatchAChainCutShortAfterACheckpoint() throws SQLException {
        long record = record(subject());
        long cut = scalar("SELECT max(sequence) FROM history_entry WHERE table_name = 'credit_record' AND row_id = " + record);
        long signed = JsonPath.from(sign().asString()).getLong("sequence");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE original_tail AS SELECT * FROM history_entry WHERE sequence >= " + cut);
            statement.execute("CREATE TEMP TABLE original_head AS SELECT * FROM history_chain_head");
            statement.execute("CREATE TEMP TABLE hidden_record AS SELECT * FROM credit_record WHERE id = " + record);
            try {
                asAttacker(statement, "DELETE FROM credit_record WHERE id = " + record);
                asAttacker(statement, "DELETE FROM history_entry WHERE sequence >= " + cut);
                asAttacker(statement, "UPDATE history_chain_head SET last_sequence = " + (cut - 1)
                        + ", last_hash = (SELECT hash FROM history_entry WHERE sequence = " + (cut - 1) + ")");
                JsonPath found = integrity();
                assertEquals(false, found.getBoolean("intact"));
                assertEquals(signed, ((Number) first(found, "checkpoint-beyond-head").get("sequence")).longValue());
            } finally {
                asAttacker(statement, "INSERT INTO credit_record OVERRIDING SYSTEM VALUE SELECT * FROM hidden_record");
                asAttacker(statement, "INSERT INTO history_entry SELECT * FROM original_tail ON CONFLICT DO NOTHING");
                asAttacker(statement, "UPDATE history_chain_head h SET last_sequence = o.last_sequence, last_hash = o.last_hash FROM original_head o");
                statement.execute("DROP TABLE original_tail");
                statement.execute("DROP TABLE original_head");
                statement.execute("DROP TABLE hidden_record");
            }
        }
        assertIntact();
    }

    @Test
    void shouldLetAnOutsideAuditorVerifyACheckpointWithOpenssl() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is installed with the OS");
        record(subject());
        JsonPath checkpoint = JsonPath.from(sign().asString());
        String pem = given().when().get(CHECKPOINTS + "/keys").then().statusCode(200)
                .extract().path("keys.find { it.keyId == '" + checkpoint.getString("keyId") + "' }.publicKeyPem");
        Path dir = Files.createTempDirectory("checkpoint");
        Files.writeString(dir.resolve("public.pem"), pem, StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("message"), "opencredit-history-checkpoint:v1:" + checkpoint.getLong("sequence") + ":" + checkpoint.getString("hash"),
                StandardCharsets.UTF_8);
        Files.write(dir.resolve("signature"), Base64.getDecoder().decode(checkpoint.getString("signature")));

        Process openssl = new ProcessBuilder("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "public.pem", "-rawin", "-in", "message",
                "-sigfile", "signature").directory(dir.toFile()).redirectErrorStream(true).start();
        String said = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, openssl.waitFor(), said);
        assertTrue(said.contains("Signature Verified Successfully"), said);
        assertEquals(checkpoint.getString("message"), Files.readString(dir.resolve("message")));
    }

    @Test
    void shouldRunACheckInTheBackgroundWithProgressAndOneAtATime() throws Exception {
        Response started = given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY))
                .when().post(INTEGRITY + "/checks");
        started.then().statusCode(202).header("Location", notNullValue()).body("state", equalTo("running"));
        String location = started.header("Location");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonPath check;
        do {
            Thread.sleep(100);
            check = JsonPath.from(given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).when().get(location)
                    .then().statusCode(200).extract().asString());
        } while (!"finished".equals(check.getString("state")) && System.nanoTime() < deadline);

        assertEquals("finished", check.getString("state"));
        assertEquals("done", check.getString("phase"));
        assertEquals(true, check.getBoolean("result.intact"));
        assertEquals(1.0, check.getDouble("progress.fraction"));
        assertEquals(check.getLong("progress.rowsTotal"), check.getLong("progress.rowsChecked"));
        assertEquals(check.getLong("progress.entriesTotal"), check.getLong("result.verified"));

        // A check another replica is running (its heartbeat is fresh) holds off a second one; a silent one is abandoned.
        String running = "00000000-0000-4000-8000-" + "%012d".formatted(System.nanoTime() % 1_000_000_000_000L);
        execute("INSERT INTO history_integrity_check (id, requested_at, heartbeat_at, state, phase, head_sequence, head_hash) "
                + "VALUES ('" + running + "', now(), now(), 'RUNNING', 'CHAIN', 1, decode(repeat('00', 32), 'hex'))");
        try {
            given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).when().post(INTEGRITY + "/checks")
                    .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString(running));
            execute("UPDATE history_integrity_check SET heartbeat_at = now() - interval '5 minutes' WHERE id = '" + running + "'");
            given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).when().get(INTEGRITY + "/checks/" + running)
                    .then().statusCode(200).body("state", equalTo("abandoned"));
        } finally {
            execute("DELETE FROM history_integrity_check WHERE id = '" + running + "'");
        }
        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).when().get(INTEGRITY + "/checks/not-a-uuid")
                .then().statusCode(400).body("errors.field", hasItem("id"));
        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY))
                .when().get(INTEGRITY + "/checks/6f1d1c52-3a0e-4d57-9c43-0d3c2e1b7a90").then().statusCode(404);
    }

    // ----- helpers -----

    private static Response sign() {
        Response signed = given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).when().post("/api/v1/admin/history/checkpoints");
        assertTrue(signed.statusCode() == 201 || signed.statusCode() == 200, signed.asString());
        return signed;
    }

    private static JsonPath integrity() {
        return JsonPath.from(given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).when().get(INTEGRITY)
                .then().statusCode(200).extract().asString());
    }

    private static void assertIntact() {
        JsonPath after = integrity();
        assertEquals(true, after.getBoolean("intact"), "put back as found: " + after.prettify());
    }

    private static Map<String, Object> only(JsonPath found, String kind, long rowId) {
        List<Map<String, Object>> findings = found.getList("findings");
        assertEquals(1, found.getInt("findingsCount"), found.prettify());
        Map<String, Object> finding = findings.getFirst();
        assertEquals(kind, finding.get("kind"));
        assertEquals(Long.toString(rowId), finding.get("rowId"));
        return finding;
    }

    private static Map<String, Object> first(JsonPath found, String kind) {
        List<Map<String, Object>> findings = found.getList("findings");
        return findings.stream().filter(finding -> kind.equals(finding.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + found.prettify()));
    }

    private long subject() throws SQLException {
        String uscc = SubjectFixtures.uscc("91", "MCH2%04d".formatted(SUBJECTS.incrementAndGet()));
        return scalar("INSERT INTO subject (uscc, name, subject_type, region_code) VALUES ('" + uscc + "', '石河子篡改测试" + uscc
                + "有限公司', 'ENTERPRISE', '659001') ON CONFLICT (uscc) DO UPDATE SET name = EXCLUDED.name RETURNING id");
    }

    private long record(long subject) throws SQLException {
        return scalar("""
                INSERT INTO credit_record (subject_id, category, source_department, source_department_uscc, source_record_id, title,
                    decision_date, reported_on, content, severity, amount, currency, published_from)
                VALUES (%d, 'PENALTY', '石河子市市场监督管理局', '%s', 'tamper-%d-%d', '行政处罚决定书', DATE '2026-03-02', DATE '2026-03-05',
                    '未按规定公示年度报告，罚款5000元', 'GENERAL', 5000.00, 'CNY', DATE '2026-03-02') RETURNING id"""
                .formatted(subject, DEPARTMENT, RECORDS.incrementAndGet(), System.nanoTime()));
    }

    /** As someone with database access: every trigger off, the history's append-only guard included. */
    private void asAttacker(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            asAttacker(statement, sql);
        }
    }

    private static void asAttacker(Statement statement, String sql) throws SQLException {
        statement.execute("SET session_replication_role = replica");
        try {
            statement.execute(sql);
        } finally {
            statement.execute("SET session_replication_role = origin");
        }
    }

    private long scalarAsAttacker(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            try (ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            } finally {
                statement.execute("SET session_replication_role = origin");
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

    private String text(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
