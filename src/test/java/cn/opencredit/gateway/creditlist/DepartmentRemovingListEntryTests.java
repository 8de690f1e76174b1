package cn.opencredit.gateway.creditlist;

import static cn.opencredit.gateway.creditlist.ListFixtures.as;
import static cn.opencredit.gateway.creditlist.ListFixtures.asOperator;
import static cn.opencredit.gateway.creditlist.ListFixtures.inclusion;
import static cn.opencredit.gateway.creditlist.ListFixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.evaluation.EvaluationFixtures;
import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.testing.HeldLock;

@QuarkusTest
class DepartmentRemovingListEntryTests {

    private static final String PROBLEM = "application/problem+json";
    private static final String REMOVAL = "/api/v1/lists/{type}/entries/{id}/removal";

    private final ListFixtures lists;
    private final SubjectFixtures subjects;
    private final AccessFixtures access;
    private final AgroalDataSource dataSource;
    private final EvaluationFixtures evaluations;

    DepartmentRemovingListEntryTests(ListFixtures lists, SubjectFixtures subjects, AccessFixtures access, AgroalDataSource dataSource,
            EvaluationFixtures evaluations) {
        this.evaluations = evaluations;
        this.lists = lists;
        this.subjects = subjects;
        this.access = access;
        this.dataSource = dataSource;
    }

    @BeforeEach
    void loadFixtures() {
        subjects.ensureLoaded();
    }

    @Test
    void shouldRecordRemovalOnceWhenIncludingAuthorityRemoves() {
        String subject = lists.enterprise();
        String authority = ListFixtures.authority();
        String key = lists.departmentKey(authority);
        String id = as(key).body(inclusion(subject, authority)).when().post("/api/v1/lists/black/entries")
                .then().statusCode(201).extract().path("id");
        as(key).body(Map.of("reason", "court-decision", "note", " （2026）新9001行初12号判决 ")).when().post(REMOVAL, "black", id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(id))
                .body("current", equalTo(false))
                .body("removal.reason", equalTo("court-decision"))
                .body("removal.note", equalTo("（2026）新9001行初12号判决"))
                .body("removal.removedAt", notNullValue())
                .body("$", not(hasKey("legalRepresentative")));
        Map<String, Object> removed = lists.row(id);
        assertEquals("COURT_DECISION", removed.get("removal_reason"));
        assertEquals("（2026）新9001行初12号判决", removed.get("removal_note"));
        assertEquals("王建国", removed.get("legal_representative"));
        as(key).body(Map.of("reason", "repaired", "note", "again")).when().post(REMOVAL, "black", id)
                .then().statusCode(409).contentType(PROBLEM).body("type", endsWith("/conflict")).body("detail", containsString("removed already"));
        Map<String, Object> after = lists.row(id);
        assertEquals(removed.get("removed_at"), after.get("removed_at"));
        assertEquals("COURT_DECISION", after.get("removal_reason"));
        assertEquals(removed.get("version"), after.get("version"));
    }

    /**
     * The department and an operator remove the same entry at the same moment: both requests are
     * held at the entry's row until both wait there, then let go. One records its removal; the other
     * finds the entry removed already (409, as a second removal does), and the entry and its
     * tamper-evident history hold exactly one removal, the winner's.
     */
    @Test
    void shouldRecordOneRemovalWhenTwoArriveAtOnce() throws Exception {
        String subject = lists.enterprise();
        String authority = ListFixtures.authority();
        String department = lists.departmentKey(authority);
        String id = ListFixtures.include("black", inclusion(subject, authority));
        Map<String, String> reasonByCaller = Map.of(department, "repaired", AccessFixtures.OPERATOR_KEY, "court-decision");
        List<Response> answers;
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Response>> removals = new ArrayList<>();
            try (HeldLock row = HeldLock.take(dataSource, "SELECT 1 FROM list_entry WHERE id = ? FOR UPDATE", Long.parseLong(id))) {
                reasonByCaller.forEach((key, reason) -> removals.add(CompletableFuture.supplyAsync(
                        () -> ListFixtures.remove(key, "black", id, reason).extract().response(), callers)));
                row.awaitWaiters(2, removals);
            }
            answers = removals.stream().map(CompletableFuture::join).toList();
        }

        assertEquals(List.of(200, 409), answers.stream().map(Response::statusCode).sorted().toList());
        Response removed = answers.stream().filter(answer -> answer.statusCode() == 200).findFirst().orElseThrow();
        Response refused = answers.stream().filter(answer -> answer.statusCode() == 409).findFirst().orElseThrow();
        refused.then().contentType(PROBLEM).body("type", endsWith("/conflict")).body("detail", containsString("removed already"));
        String winningReason = removed.path("removal.reason");
        Map<String, Object> row = lists.row(id);
        assertEquals(winningReason.toUpperCase(java.util.Locale.ROOT).replace('-', '_'), row.get("removal_reason"));
        assertEquals(1, ((Number) row.get("version")).intValue(), "one update of the entry");
        assertEquals(List.of("INSERT", "UPDATE"), history(id).stream().map(entry -> entry[0]).toList());
        assertEquals(row.get("removal_reason"), history(id).getLast()[1]);
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP)))
                .when().get("/api/v1/lists/black/entries/{id}", id)
                .then().statusCode(200).body("removal.reason", equalTo(winningReason)).body("current", equalTo(false));
    }

    @Test
    void shouldDropTheMembershipFromTheCachedProfileRightAfterRemoval() {
        String subject = lists.enterprise();
        String authority = ListFixtures.authority();
        String key = lists.departmentKey(authority);
        String id = ListFixtures.include("watch", inclusion(subject, authority));
        // The evaluation the new subject and its inclusion cause would otherwise land between the two reads and invalidate the first.
        evaluations.awaitQuiet();
        given().when().get("/api/v1/subjects/{uscc}", subject).then().statusCode(200).body("listMemberships.id", hasItem(id));
        given().when().get("/api/v1/subjects/{uscc}", subject).then().statusCode(200).header("X-Cache", "HIT")
                .body("listMemberships.id", hasItem(id));

        ListFixtures.remove(key, "watch", id, "revoked").statusCode(200);

        given().when().get("/api/v1/subjects/{uscc}", subject).then().statusCode(200).header("X-Cache", "MISS")
                .body("listMemberships.id", not(hasItem(id)))
                .body("listHistory.find { it.id == '%s' }.removal.reason".formatted(id), equalTo("revoked"));
    }

    @Test
    void shouldRefuseRemovalByAnotherDepartment() {
        String subject = lists.enterprise();
        String authority = ListFixtures.authority();
        String id = ListFixtures.include("red", inclusion(subject, authority));
        ListFixtures.remove(lists.departmentKey(ListFixtures.authority()), "red", id, "revoked")
                .statusCode(403).contentType(PROBLEM).body("detail", containsString(authority));
        ListFixtures.remove(access.key(ConsumerType.DEPARTMENT), "red", id, "revoked")
                .statusCode(403).body("detail", containsString("scope"));
        assertNull(lists.row(id).get("removed_at"));
    }

    @Test
    void shouldLetOperatorRemoveAnyAuthoritysEntry() {
        String subject = lists.enterprise();
        String id = ListFixtures.include("watch", inclusion(subject, ListFixtures.authority()));
        ListFixtures.remove(AccessFixtures.OPERATOR_KEY, "watch", id, "revoked").statusCode(200).body("removal.reason", equalTo("revoked"));
        assertEquals("REVOKED", lists.row(id).get("removal_reason"));
    }

    @Test
    void shouldRemoveAnEntryThatHasExpiredAlready() {
        String subject = lists.enterprise();
        OffsetDateTime now = OffsetDateTime.now();
        String id = ListFixtures.include("abnormal", with(with(inclusion(subject, ListFixtures.authority()), "includedAt",
                now.minusYears(3).toString()), "expiresAt", now.minusDays(2).toString()));
        ListFixtures.remove(AccessFixtures.OPERATOR_KEY, "abnormal", id, "expired").statusCode(200).body("removal.reason", equalTo("expired"));
    }

    @Test
    void shouldAnswer404ForUnknownEntryOrAnotherListsEntry() {
        String subject = lists.enterprise();
        String id = ListFixtures.include("red", inclusion(subject, ListFixtures.authority()));
        ListFixtures.remove(AccessFixtures.OPERATOR_KEY, "black", id, "revoked")
                .statusCode(404).contentType(PROBLEM).body("type", endsWith("/not-found"));
        ListFixtures.remove(AccessFixtures.OPERATOR_KEY, "red", "999999999", "revoked").statusCode(404);
        ListFixtures.remove(AccessFixtures.OPERATOR_KEY, "red", "abc", "revoked")
                .statusCode(400).body("type", endsWith("/invalid-parameter")).body("errors[0].field", equalTo("id"));
        ListFixtures.remove(AccessFixtures.OPERATOR_KEY, "purple", id, "revoked")
                .statusCode(400).body("errors[0].field", equalTo("type"));
        assertNull(lists.row(id).get("removed_at"));
    }

    @Test
    void shouldRefuseInvalidRemovalBodies() {
        String subject = lists.enterprise();
        String id = ListFixtures.include("red", inclusion(subject, ListFixtures.authority()));
        asOperator().body(Map.of("reason", "forgiven", "note", "x")).when().post(REMOVAL, "red", id)
                .then().statusCode(400).body("type", endsWith("/validation-failed"))
                .body("errors[0].field", equalTo("reason")).body("errors[0].code", equalTo("wrong-type"));
        asOperator().body(Map.of("reason", "repaired")).when().post(REMOVAL, "red", id)
                .then().statusCode(400).body("errors[0].field", equalTo("note")).body("errors[0].code", equalTo("not-blank"));
        asOperator().body(Map.of("reason", "repaired", "note", "x", "removedAt", "2026-01-01T00:00:00+08:00")).when().post(REMOVAL, "red", id)
                .then().statusCode(400).body("errors[0].code", equalTo("unknown-field"));
        asOperator().body("{").when().post(REMOVAL, "red", id).then().statusCode(400).body("type", endsWith("/malformed-body"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "repaired", "note", "x")).when().post(REMOVAL, "red", id)
                .then().statusCode(401);
        as(access.key(ConsumerType.APP)).body(Map.of("reason", "repaired", "note", "x")).when().post(REMOVAL, "red", id)
                .then().statusCode(403);
        assertNull(lists.row(id).get("removed_at"));
    }

    /** The entry's history entries in chain order: operation and the removal reason the row held after it. */
    private List<String[]> history(String id) throws SQLException {
        List<String[]> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT operation, content ->> 'removal_reason' FROM history_entry
                        WHERE table_name = 'list_entry' AND row_id = ? ORDER BY sequence""")) {
            select.setLong(1, Long.parseLong(id));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        return entries;
    }
}
