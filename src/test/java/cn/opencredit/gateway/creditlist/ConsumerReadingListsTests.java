package cn.opencredit.gateway.creditlist;

import static cn.opencredit.gateway.creditlist.ListFixtures.inclusion;
import static cn.opencredit.gateway.creditlist.ListFixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * The public listing and its filters over five red entries of one authority: current (659004),
 * removed (659004), expired (650102), current with expiry (659001), recent (659001). Region
 * 659004 and 650102 hold no other subjects.
 */
@QuarkusTest
class ConsumerReadingListsTests {

    private static final String PROBLEM = "application/problem+json";
    private static final String RED = "/api/v1/lists/red/entries";
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private static String authority;
    private static OffsetDateTime now;
    private static String current;
    private static String removed;
    private static String expired;
    private static String currentExpiring;
    private static String recent;

    private final ListFixtures lists;
    private final SubjectFixtures subjects;
    private final AccessFixtures access;
    private final AgroalDataSource dataSource;

    ConsumerReadingListsTests(ListFixtures lists, SubjectFixtures subjects, AccessFixtures access, AgroalDataSource dataSource) {
        this.lists = lists;
        this.subjects = subjects;
        this.access = access;
        this.dataSource = dataSource;
    }

    @BeforeEach
    void loadFixtures() {
        subjects.ensureLoaded();
        synchronized (ConsumerReadingListsTests.class) {
            if (authority != null) {
                return;
            }
            now = OffsetDateTime.now(CHINA).truncatedTo(ChronoUnit.SECONDS);
            String a = ListFixtures.authority();
            current = entry(a, "659004", now.minusDays(200), null);
            removed = entry(a, "659004", now.minusDays(150), null);
            ListFixtures.remove(AccessFixtures.OPERATOR_KEY, "red", removed, "repaired").statusCode(200);
            expired = entry(a, "650102", now.minusDays(100), now.minusDays(5));
            currentExpiring = entry(a, SubjectFixtures.REGION, now.minusDays(50), now.plusDays(300));
            recent = entry(a, SubjectFixtures.REGION, now.minusDays(10), null);
            authority = a;
        }
    }

    private String entry(String authorityUscc, String region, OffsetDateTime includedAt, OffsetDateTime expiresAt) {
        String subject = lists.subject("ENTERPRISE", "赵六", region);
        Map<String, Object> body = with(inclusion(subject, authorityUscc), "includedAt", includedAt.toString());
        return ListFixtures.include("red", expiresAt == null ? body : with(body, "expiresAt", expiresAt.toString()));
    }

    private RequestSpecification reader() {
        return given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.CREDIT_AGENCY)));
    }

    private List<String> ids(String query) {
        return reader().when().get(RED + "?limit=100&" + query).then().statusCode(200).extract().path("items.id");
    }

    private static String day(OffsetDateTime instant) {
        return instant.atZoneSameInstant(CHINA).toLocalDate().toString();
    }

    @Test
    void shouldListAnAuthoritysEntriesNewestFirstWithTheirState() {
        assertEquals(List.of(recent, currentExpiring, expired, removed, current), ids("authority=" + authority));
        reader().when().get(RED + "?authority=" + authority + "&limit=100").then().statusCode(200)
                .body("nextCursor", nullValue())
                .body("items[0].subjectUscc", notNullValue())
                .body("items[0].subjectName", notNullValue())
                .body("items[0].listType", equalTo("red"))
                .body("items[0].authorityUscc", equalTo(authority))
                .body("items[0].legalBasis", equalTo("《测试办法》第一条"))
                .body("items.current", contains(true, true, false, false, true))
                .body("items[2].expiresAt", notNullValue())
                .body("items[2]", not(hasKey("removal")))
                .body("items[3].removal.reason", equalTo("repaired"))
                .body("items[3].removal.note", equalTo("测试移出说明"))
                .body("items.legalRepresentative", contains(nullValue(), nullValue(), nullValue(), nullValue(), nullValue()));
    }

    @Test
    void shouldFilterByRegionPrefix() {
        assertEquals(List.of(removed, current), ids("region=659004"));
        assertEquals(List.of(removed, current), ids("region=659004&authority=" + authority));
        assertEquals(List.of(recent, currentExpiring, removed, current), ids("region=6590&authority=" + authority));
        assertEquals(List.of(recent, currentExpiring, expired, removed, current), ids("region=65&authority=" + authority));
        assertEquals(List.of(expired), ids("region=650102"));
        assertEquals(List.of(), ids("region=11&authority=" + authority));
    }

    @Test
    void shouldFilterByInclusionDaysInclusive() {
        assertEquals(List.of(expired, removed),
                ids("authority=" + authority + "&includedFrom=" + day(now.minusDays(150)) + "&includedTo=" + day(now.minusDays(100))));
        assertEquals(List.of(recent, currentExpiring), ids("authority=" + authority + "&includedFrom=" + day(now.minusDays(60))));
        assertEquals(List.of(removed, current), ids("authority=" + authority + "&includedTo=" + day(now.minusDays(120))));
        String sameDay = day(now.minusDays(50));
        assertEquals(List.of(currentExpiring), ids("authority=" + authority + "&includedFrom=" + sameDay + "&includedTo=" + sameDay));
    }

    @Test
    void shouldSplitCurrentFromEndedEntriesWithoutAnyoneRemovingExpiredOnes() {
        assertEquals(List.of(recent, currentExpiring, current), ids("authority=" + authority + "&active=true"));
        assertEquals(List.of(expired, removed), ids("authority=" + authority + "&active=FALSE"));
        assertEquals(List.of(recent, currentExpiring, expired, removed, current), ids("authority=" + authority + "&active="));
        Map<String, Object> expiredRow = lists.row(expired);
        assertEquals(null, expiredRow.get("removed_at"));
    }

    @Test
    void shouldWalkEveryEntryOfAListExactlyOnce() throws SQLException {
        Set<String> expected = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM list_entry WHERE list_type = 'RED'")) {
            while (rows.next()) {
                expected.add(Long.toString(rows.getLong(1)));
            }
        }
        assertTrue(expected.size() > 9, "several pages of red entries");
        List<String> walked = new ArrayList<>();
        List<OffsetDateTime> included = new ArrayList<>();
        String cursor = "";
        do {
            ExtractableResponse<Response> page = reader().queryParam("limit", 3).queryParam("cursor", cursor).when().get(RED)
                    .then().statusCode(200).extract();
            walked.addAll(page.path("items.id"));
            List<String> times = page.path("items.includedAt");
            times.forEach(t -> included.add(OffsetDateTime.parse(t)));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(walked.size(), new HashSet<>(walked).size(), "no entry twice");
        assertEquals(expected, new HashSet<>(walked));
        for (int i = 1; i < included.size(); i++) {
            assertTrue(!included.get(i).isAfter(included.get(i - 1)), "newest inclusion first");
        }
    }

    @Test
    void shouldBreakTiesOfInclusionTimeById() {
        String tied = ListFixtures.authority();
        OffsetDateTime at = now.minusDays(30);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(entry(tied, SubjectFixtures.REGION, at, null));
        }
        List<String> walked = new ArrayList<>();
        String cursor = "";
        do {
            ExtractableResponse<Response> page = reader().queryParam("authority", tied).queryParam("limit", 2).queryParam("cursor", cursor)
                    .when().get(RED).then().statusCode(200).extract();
            walked.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(created.reversed(), walked);
    }

    @Test
    void shouldRefuseInvalidParametersNamingEach() {
        problem("region=659", "region", "format");
        problem("region=6a", "region", "format");
        problem("authority=1165", "authority", "length");
        problem("includedFrom=2026-02-30", "includedFrom", "format");
        problem("includedTo=yesterday", "includedTo", "format");
        problem("includedFrom=2026-03-02&includedTo=2026-03-01", "includedFrom", "after-to");
        problem("includedTo=%2B999999999-12-31", "includedTo", "format");
        problem("includedFrom=1899-12-31", "includedFrom", "out-of-range");
        problem("active=yes", "active", "unknown-value");
        problem("limit=0", "limit", "out-of-range");
        problem("cursor=not-a-cursor", "cursor", "invalid-cursor");
        String cursor = reader().when().get(RED + "?limit=1&authority=" + authority).then().statusCode(200).extract().path("nextCursor");
        reader().queryParam("cursor", cursor).queryParam("limit", 1).when().get(RED + "?active=true&authority=" + authority)
                .then().statusCode(400).body("type", endsWith("/invalid-cursor"));
        reader().when().get("/api/v1/lists/gray/entries").then().statusCode(400)
                .body("errors[0].field", equalTo("type")).body("errors[0].expected", equalTo("red, black, watch, abnormal, dishonest-debtor"));
    }

    private void problem(String query, String field, String code) {
        reader().when().get(RED + "?" + query).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(field)).body("errors[0].code", equalTo(code));
    }

    @Test
    void shouldAnswerOneEntryOnItsOwnListOnly() {
        reader().when().get(RED + "/{id}", current).then().statusCode(200).body("id", equalTo(current)).body("current", equalTo(true));
        reader().when().get("/api/v1/lists/black/entries/{id}", current).then().statusCode(404).contentType(PROBLEM)
                .body("type", endsWith("/not-found"));
        reader().when().get(RED + "/{id}", "0").then().statusCode(400).body("errors[0].field", equalTo("id"));
        reader().when().get(RED + "/{id}", "99999999999").then().statusCode(404);
    }

    @Test
    void shouldShowLegalRepresentativeOnCurrentBlackListEntriesOnly() {
        String subject = lists.enterprise();
        String id = ListFixtures.include("black", inclusion(subject, ListFixtures.authority()));
        reader().when().get("/api/v1/lists/black/entries/{id}", id).then().statusCode(200).body("legalRepresentative", equalTo("王建国"));
        ListFixtures.remove(AccessFixtures.OPERATOR_KEY, "black", id, "repaired").statusCode(200);
        reader().when().get("/api/v1/lists/black/entries/{id}", id).then().statusCode(200)
                .body("$", not(hasKey("legalRepresentative")));
        assertEquals("王建国", lists.row(id).get("legal_representative"));
    }

    @Test
    void shouldAnswer401WithoutKeyAnd403WithoutPublicRead() {
        given().when().get(RED).then().statusCode(401).contentType(PROBLEM);
        String key = AccessFixtures.issueKey(AccessFixtures.createConsumer("无公开读取的机构", ConsumerType.CREDIT_AGENCY, null,
                List.of("authorised:read"), "standard"));
        given().header("Authorization", AccessFixtures.bearer(key)).when().get(RED).then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", AccessFixtures.bearer(key)).when().get(RED + "/{id}", current).then().statusCode(403);
    }

    @Test
    void shouldKeepRemovedAndExpiredEntriesInTheProfileHistoryButNotInTheMemberships() {
        String subject = lists.enterprise();
        String red = ListFixtures.include("red", with(inclusion(subject, ListFixtures.authority()), "includedAt", now.minusDays(1).toString()));
        String black = ListFixtures.include("black", with(inclusion(subject, ListFixtures.authority()), "includedAt", now.minusDays(400).toString()));
        ListFixtures.remove(AccessFixtures.OPERATOR_KEY, "black", black, "repaired").statusCode(200);
        String watch = ListFixtures.include("watch", with(with(inclusion(subject, ListFixtures.authority()), "includedAt",
                now.minusDays(300).toString()), "expiresAt", now.minusDays(30).toString()));
        reader().when().get("/api/v1/subjects/{uscc}", subject).then().statusCode(200)
                .body("listMemberships.id", contains(red))
                .body("listHistory.id", contains(red, watch, black))
                .body("listHistory.current", contains(true, false, false))
                .body("listHistory[0].subjectUscc", equalTo(subject))
                .body("listHistory[1].expiresAt", notNullValue())
                .body("listHistory[1]", not(hasKey("removal")))
                .body("listHistory[2].removal.reason", equalTo("repaired"))
                .body("listHistory[2]", not(hasKey("legalRepresentative")));
        reader().when().get("/api/v1/subjects/{uscc}", lists.enterprise()).then().statusCode(200)
                .body("listHistory", empty()).body("listMemberships", empty());
    }
}
