package cn.opencredit.gateway.changefeed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

/** The change feed read the way a mirror reads it: following nextCursor, while writers commit in any order. */
@QuarkusTest
class ChangeFeedTests {

    private static final String CHANGES = "/api/v1/changes";
    private static final String DEPARTMENT = SubjectFixtures.uscc("11", "MCF00001");
    private static final AtomicInteger SUBJECTS = new AtomicInteger();
    private static final AtomicInteger RECORDS = new AtomicInteger();
    private static final Set<String> RECORD_FIELDS = Set.of("id", "category", "title", "decisionNumber", "decisionDate", "reportedOn",
            "sourceDepartment", "content", "legalBasis", "severity", "amount", "publishedFrom", "publishedUntil", "status", "disputed");

    private final AccessFixtures access;

    ChangeFeedTests(AccessFixtures access) {
        this.access = access;
    }

    /** One feed item as a mirror sees it. */
    record Item(long position, String kind, String op, String id, String subjectUscc, Map<String, Object> data) {

        String key() {
            return kind + ":" + id;
        }
    }

    /** What one writer transaction wrote: a subject and two public records. */
    record Written(long subjectId, String uscc, List<String> keys) {
    }

    /**
     * Writers commit in another order than they started: each writes its subject, waits a random
     * while, then writes its records and commits; one transaction that started before all of them is
     * held open until they have all committed; some roll back. A reader follows the feed all along. It
     * must see every committed change exactly once, none of the rolled-back ones, positions without
     * gaps, and the transaction that started first but committed last after all the others.
     */
    @Test
    void shouldDeliverEveryCommittedChangeExactlyOnceInCommitOrderWhenTransactionsCommitOutOfOrder() throws Exception {
        String start = head();
        List<Item> seen = new ArrayList<>();
        ConcurrentLinkedQueue<Written> committed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Written> rolledBack = new ConcurrentLinkedQueue<>();
        Written late;
        String cursor;
        try (Connection first = connect()) {
            first.setAutoCommit(false);
            // Only the subject for now: a record would hold the history chain's head (V008) until commit and queue everyone behind it.
            String lateUscc = subject(first, "先开始后提交");
            long lateId = subjectId(first, lateUscc);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            try {
                List<Future<Void>> done = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    done.add(writers.submit((Callable<Void>) () -> {
                        try (Connection connection = connect()) {
                            connection.setAutoCommit(false);
                            for (int t = 0; t < 10; t++) {
                                String uscc = subject(connection, "并发写入");
                                Thread.sleep(ThreadLocalRandom.current().nextInt(20));
                                Written written = records(connection, uscc);
                                if (t % 4 == 3) {
                                    connection.rollback();
                                    rolledBack.add(written);
                                } else {
                                    connection.commit();
                                    committed.add(written);
                                }
                            }
                        }
                        return null;
                    }));
                }
                cursor = follow(start, seen, () -> done.stream().allMatch(Future::isDone) && keysOf(committed).stream()
                        .allMatch(key -> seen.stream().anyMatch(item -> item.key().equals(key))));
                for (Future<Void> writer : done) {
                    writer.get();
                }
            } finally {
                writers.shutdown();
            }
            assertTrue(seen.stream().noneMatch(item -> item.key().equals("subject:" + lateUscc)), "nothing of an open transaction is visible");
            late = records(first, lateUscc);
            assertEquals(lateId, late.subjectId());
            first.commit();
        }
        long lastBeforeLateCommit = seen.getLast().position();
        follow(cursor, seen, () -> late.keys().stream().allMatch(key -> seen.stream().anyMatch(item -> item.key().equals(key))));

        Set<String> expected = new HashSet<>(keysOf(committed));
        expected.addAll(late.keys());
        Set<String> ours = new HashSet<>(expected);
        ours.addAll(keysOf(rolledBack));
        List<String> mine = seen.stream().map(Item::key).filter(ours::contains).toList();
        assertEquals(32 * 3 + 3, expected.size());
        assertEquals(expected.size(), mine.size(), "each committed change exactly once");
        assertEquals(expected, new HashSet<>(mine), "every committed change, and nothing rolled back");
        long firstPosition = decode(start) + 1;
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(firstPosition + i, seen.get(i).position(), "positions follow each other without gaps");
        }
        assertTrue(seen.stream().filter(item -> late.keys().contains(item.key())).allMatch(item -> item.position() > lastBeforeLateCommit),
                "the transaction that committed last comes last");
        assertTrue(committed.stream().allMatch(w -> w.subjectId() > late.subjectId()),
                "it also started first: a cursor over the order of writing would have passed its subject before it committed");
    }

    /**
     * Every subject written since the feed exists is in it from position 1 on. The synthetic seed is
     * loaded with the triggers off (SeedLoader), so its subjects (ids 1 to opencredit.seed.subjects) are not.
     */
    @Test
    void shouldStartAtTheBeginningWithEverySubjectWrittenSinceTheFeedExists() throws SQLException {
        String written;
        try (Connection connection = connect()) {
            written = subject(connection, "完整副本");
        }
        List<Item> all = new ArrayList<>();
        follow(null, all, () -> true);
        Set<String> subjects = new HashSet<>();
        all.stream().filter(item -> item.kind().equals("subject")).forEach(item -> subjects.add(item.id()));
        assertTrue(subjects.contains(written));
        int seeded = ConfigProvider.getConfig().getValue("opencredit.seed.subjects", Integer.class);
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT uscc FROM subject WHERE uscc IS NOT NULL AND id > " + seeded)) {
            while (rows.next()) {
                assertTrue(subjects.contains(rows.getString(1)), rows.getString(1));
            }
        }
        assertEquals(1, all.getFirst().position());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1L, all.get(i).position());
        }
        assertTrue(all.stream().filter(item -> item.kind().equals("record") && item.data() != null)
                .allMatch(item -> RECORD_FIELDS.containsAll(item.data().keySet())), "records carry the public record view only");
    }

    /** A repair ends publication: the mirror is told to drop the record, and late readers never receive its content. */
    @Test
    void shouldTurnARepairedRecordIntoATombstoneForEveryReader() throws SQLException {
        String start = head();
        String uscc;
        long record;
        try (Connection connection = connect()) {
            uscc = subject(connection, "修复测试");
            record = record(connection, uscc, "PENALTY", "PUBLIC", "PUBLISHED");
        }
        List<Item> before = read(start, 1000);
        Item created = only(before, "record:" + record);
        assertEquals("created", created.op());
        assertEquals("published", created.data().get("status"));
        assertEquals(uscc, created.subjectUscc());
        assertEquals(uscc, only(before, "subject:" + uscc).data().get("uscc"));
        String afterCreation = cursorOf(before.getLast());

        update("UPDATE credit_record SET status = 'REPAIRED', updated_at = now() WHERE id = " + record);

        List<Item> next = read(afterCreation, 1000);
        Item repaired = only(next, "record:" + record);
        assertEquals("unpublished", repaired.op());
        assertNull(repaired.data());
        assertEquals(uscc, repaired.subjectUscc());
        List<Item> replay = read(start, 1000).stream().filter(item -> item.key().equals("record:" + record)).toList();
        assertEquals(2, replay.size());
        assertTrue(replay.stream().allMatch(item -> item.op().equals("unpublished") && item.data() == null));
    }

    /**
     * A run of the sequencer that began before a change committed does not number it; a read that
     * came while that run held the sequencer's lock used to go on without numbering, and missed the
     * change. Here a transaction holds the lock (as such a run would) while a subject is written and
     * read for: the read waits for it, then numbers the subject and shows it.
     */
    @Test
    void shouldShowAChangeCommittedBeforeTheReadWhileAnotherRunIsNumbering() throws Exception {
        String start = head();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (Connection running = connect(); Connection writer = connect()) {
            running.setAutoCommit(false);
            try (Statement lock = running.createStatement()) {
                lock.execute("SELECT pg_advisory_xact_lock(x'6368616e67656665'::bigint)");
            }
            String uscc = subject(writer, "编号等待测试");
            Future<List<Item>> read = reader.submit(() -> read(start, 1000));
            sleep(500);
            assertFalse(read.isDone(), "the read waits for the run that holds the sequencer");
            running.commit();
            List<String> keys = read.get(30, java.util.concurrent.TimeUnit.SECONDS).stream().map(Item::key).toList();
            assertTrue(keys.contains("subject:" + uscc), "the subject committed before the read: " + keys);
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void shouldNeverShowRecordsThatWereNeverPublicNorAnythingOfNaturalPersons() throws SQLException {
        String start = head();
        String uscc;
        long authorised;
        long government;
        long personRecord;
        long personEntry;
        try (Connection connection = connect()) {
            uscc = subject(connection, "授权级测试");
            authorised = record(connection, uscc, "PENALTY", "AUTHORISED", "PUBLISHED");
            government = record(connection, uscc, "LICENCE", "GOVERNMENT", "PUBLISHED");
            long person;
            try (Statement statement = connection.createStatement();
                    ResultSet id = statement.executeQuery("INSERT INTO subject (name, subject_type, region_code) VALUES ('张某某', "
                            + "'NATURAL_PERSON', '659001') RETURNING id")) {
                id.next();
                person = id.getLong(1);
            }
            personRecord = recordOf(connection, person, "PENALTY", "PUBLIC", "PUBLISHED");
            personEntry = listEntry(connection, person, "DISHONEST_DEBTOR");
            update("UPDATE subject SET name = '张某' WHERE id = " + person);
        }
        List<String> keys = read(start, 1000).stream().map(Item::key).toList();
        assertTrue(keys.contains("subject:" + uscc));
        for (String hidden : List.of("record:" + authorised, "record:" + government, "record:" + personRecord, "list-entry:" + personEntry)) {
            assertFalse(keys.contains(hidden), hidden);
        }
        assertEquals(1, keys.stream().filter(key -> key.startsWith("subject:")).count(), "the natural person is not a subject of the feed");

        String afterwards = cursorOf(read(start, 1000).getLast());
        update("UPDATE credit_record SET disclosure_level = 'PUBLIC' WHERE id = " + authorised);
        Item published = only(read(afterwards, 1000), "record:" + authorised);
        assertEquals("updated", published.op());
        assertEquals(authorised + "", published.data().get("id"));
        update("UPDATE credit_record SET disclosure_level = 'GOVERNMENT' WHERE id = " + authorised);
        List<Item> withdrawn = read(cursorOf(published), 1000);
        assertEquals("unpublished", only(withdrawn, "record:" + authorised).op());
    }

    @Test
    void shouldCarryListEntriesAndTheirRemoval() throws SQLException {
        String start = head();
        long entry;
        try (Connection connection = connect()) {
            String uscc = subject(connection, "名单测试");
            entry = listEntry(connection, subjectId(connection, uscc), "BLACK");
        }
        Item included = only(read(start, 1000), "list-entry:" + entry);
        assertEquals("created", included.op());
        assertEquals("black", included.data().get("listType"));
        assertEquals(true, included.data().get("current"));
        update("UPDATE list_entry SET removed_at = now(), removal_reason = 'REPAIRED', removal_note = '已完成信用修复' WHERE id = " + entry);
        Item removed = only(read(cursorOf(included), 1000), "list-entry:" + entry);
        assertEquals("updated", removed.op());
        assertEquals(false, removed.data().get("current"));
        assertEquals("repaired", ((Map<?, ?>) removed.data().get("removal")).get("reason"));
    }

    @Test
    void shouldNotRepeatAnUpdateThatChangedNothing() throws SQLException {
        String start = head();
        String uscc;
        try (Connection connection = connect()) {
            uscc = subject(connection, "空更新测试");
        }
        update("UPDATE subject SET name = name WHERE uscc = '" + uscc + "'");
        assertEquals(1, read(start, 1000).stream().filter(item -> item.key().equals("subject:" + uscc)).count());
    }

    @Test
    void shouldAnswerAnEmptyPageWithTheSameCursorWhenNothingIsNew() {
        String ahead = Base64.getUrlEncoder().withoutPadding().encodeToString("changes:999999999999".getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP))).queryParam("after", ahead)
                .when().get(CHANGES)
                .then().statusCode(200).body("items", empty()).body("nextCursor", equalTo(ahead));
    }

    @Test
    void shouldRefuseCursorsTheFeedDidNotIssue() {
        for (String bad : List.of("not a cursor!", encode("records:5"), encode("changes:-1"), encode("changes:12a"), encode("changes:"),
                encode("changes:99999999999999999999"))) {
            given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP))).queryParam("after", bad)
                    .when().get(CHANGES)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://api.opencredit.cn/problems/invalid-cursor"))
                    .body("errors[0].field", equalTo("after"));
        }
    }

    @Test
    void shouldRefuseALimitOutsideOneToOneThousand() {
        for (String bad : List.of("0", "1001", "ten", "-5", "1.5")) {
            given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP))).queryParam("limit", bad)
                    .when().get(CHANGES)
                    .then().statusCode(400)
                    .body("type", equalTo("https://api.opencredit.cn/problems/invalid-parameter"))
                    .body("errors[0].field", equalTo("limit"))
                    .body("errors[0].expected", equalTo("1..1000"));
        }
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP))).queryParam("limit", "1000")
                .when().get(CHANGES).then().statusCode(200);
    }

    @Test
    void shouldAnswerOnlyKeyedConsumersWithPublicRead() {
        given().when().get(CHANGES).then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"opencredit-gateway\""))
                .body("type", equalTo("https://api.opencredit.cn/problems/unauthenticated"));
        given().header("Authorization", AccessFixtures.bearer("ocg_thisKeyWasNeverIssuedByTheGateway0")).when().get(CHANGES)
                .then().statusCode(401);
        String ingestOnly = AccessFixtures.issueKey(AccessFixtures.createConsumer("只报送部门", ConsumerType.DEPARTMENT, SubjectFixtures.DEPARTMENT_USCC,
                List.of("ingest:write"), "standard"));
        given().header("Authorization", AccessFixtures.bearer(ingestOnly)).when().get(CHANGES)
                .then().statusCode(403).body("type", equalTo("https://api.opencredit.cn/problems/forbidden"));
        for (ConsumerType type : ConsumerType.values()) {
            given().header("Authorization", AccessFixtures.bearer(access.key(type))).queryParam("limit", "1").when().get(CHANGES)
                    .then().statusCode(200);
        }
    }

    /** Reads pages after {@code from} until {@code until} holds on an empty page; returns the cursor to go on with. */
    private String follow(String from, List<Item> seen, BooleanSupplier until) {
        String cursor = from;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Response response = page(cursor, 50);
            List<Item> items = items(response);
            seen.addAll(items);
            cursor = response.path("nextCursor");
            if (items.isEmpty()) {
                if (until.getAsBoolean()) {
                    return cursor;
                }
                assertTrue(System.nanoTime() < deadline, "the feed did not deliver everything within 60 s");
                sleep(20);
            }
        }
    }

    /** The cursor after everything there is now. */
    private String head() {
        String cursor = null;
        while (true) {
            Response response = page(cursor, 1000);
            cursor = response.path("nextCursor");
            if (items(response).isEmpty()) {
                return cursor;
            }
        }
    }

    private List<Item> read(String after, int limit) {
        return items(page(after, limit));
    }

    private Response page(String after, int limit) {
        var request = given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.CREDIT_AGENCY))).queryParam("limit", limit);
        if (after != null) {
            request.queryParam("after", after);
        }
        Response response = request.when().get(CHANGES);
        response.then().statusCode(200);
        return response;
    }

    private static List<Item> items(Response response) {
        List<Map<String, Object>> raw = response.path("items");
        List<Item> items = new ArrayList<>(raw.size());
        for (Map<String, Object> item : raw) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) item.get("data");
            items.add(new Item(decode((String) item.get("position")), (String) item.get("kind"), (String) item.get("op"), (String) item.get("id"),
                    (String) item.get("subjectUscc"), data == null ? null : new HashMap<>(data)));
        }
        return items;
    }

    private static Item only(List<Item> items, String key) {
        List<Item> matching = items.stream().filter(item -> item.key().equals(key)).toList();
        assertEquals(1, matching.size(), key + " in " + items);
        return matching.getFirst();
    }

    private static long decode(String cursor) {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        assertTrue(raw.startsWith("changes:"), raw);
        return Long.parseLong(raw.substring("changes:".length()));
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String cursorOf(Item item) {
        return encode("changes:" + item.position());
    }

    private static List<String> keysOf(Iterable<Written> written) {
        List<String> keys = new ArrayList<>();
        written.forEach(w -> keys.addAll(w.keys()));
        return keys;
    }

    /** Two public records of the subject; with the subject's own change, what one writer transaction wrote. */
    private static Written records(Connection connection, String uscc) throws SQLException {
        long id = subjectId(connection, uscc);
        return new Written(id, uscc, List.of("subject:" + uscc, "record:" + record(connection, uscc, "LICENCE", "PUBLIC", "PUBLISHED"),
                "record:" + record(connection, uscc, "PENALTY", "PUBLIC", "PUBLISHED")));
    }

    private static String subject(Connection connection, String label) throws SQLException {
        String uscc = SubjectFixtures.uscc("91", "MCF%05d".formatted(SUBJECTS.incrementAndGet()));
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO subject (uscc, name, subject_type, legal_representative, region_code, registered_on)
                VALUES (?, ?, 'ENTERPRISE', '刘洋', '659001', DATE '2019-04-08')""")) {
            insert.setString(1, uscc);
            insert.setString(2, "石河子" + label + uscc.substring(8, 16) + "有限公司");
            insert.executeUpdate();
        }
        return uscc;
    }

    private static long subjectId(Connection connection, String uscc) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM subject WHERE uscc = ?")) {
            select.setString(1, uscc);
            try (ResultSet id = select.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    private static long record(Connection connection, String uscc, String category, String level, String status) throws SQLException {
        return recordOf(connection, subjectId(connection, uscc), category, level, status);
    }

    private static long recordOf(Connection connection, long subjectId, String category, String level, String status) throws SQLException {
        boolean penalty = "PENALTY".equals(category);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO credit_record (subject_id, category, source_department, source_department_uscc, source_record_id, title,
                    decision_date, reported_on, content, severity, amount, currency, disclosure_level, published_from, status)
                VALUES (?, ?, '石河子市市场监督管理局', ?, ?, '决定书', DATE '2026-10-12', DATE '2026-10-14', '变更订阅测试记录', ?, ?, ?, ?,
                    DATE '2026-10-12', ?) RETURNING id""")) {
            insert.setLong(1, subjectId);
            insert.setString(2, category);
            insert.setString(3, DEPARTMENT);
            insert.setString(4, "feed-" + RECORDS.incrementAndGet());
            insert.setString(5, penalty ? "GENERAL" : null);
            insert.setBigDecimal(6, penalty ? new java.math.BigDecimal("2000.00") : null);
            insert.setString(7, penalty ? "CNY" : null);
            insert.setString(8, level);
            insert.setString(9, status);
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    private static long listEntry(Connection connection, long subjectId, String type) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO list_entry (subject_id, list_type, authority, authority_uscc, reason, legal_basis, legal_representative, included_at)
                VALUES (?, ?, '石河子市市场监督管理局', ?, '拒不履行行政处罚决定', '《严重违法失信名单管理办法》', ?, now() - interval '1 day')
                RETURNING id""")) {
            insert.setLong(1, subjectId);
            insert.setString(2, type);
            insert.setString(3, DEPARTMENT);
            insert.setString(4, "BLACK".equals(type) ? "刘洋" : null);
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    private static void update(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
