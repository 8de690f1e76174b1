package cn.opencredit.gateway.creditlist;

import static cn.opencredit.gateway.creditlist.ListFixtures.as;
import static cn.opencredit.gateway.creditlist.ListFixtures.asOperator;
import static cn.opencredit.gateway.creditlist.ListFixtures.inclusion;
import static cn.opencredit.gateway.creditlist.ListFixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.evaluation.EvaluationFixtures;
import cn.opencredit.gateway.subject.SubjectFixtures;

@QuarkusTest
class DepartmentIncludingSubjectTests {

    private static final String PROBLEM = "application/problem+json";
    private static final String ENTRIES = "/api/v1/lists/{type}/entries";

    private final ListFixtures lists;
    private final SubjectFixtures subjects;
    private final AccessFixtures access;
    private final EvaluationFixtures evaluations;

    DepartmentIncludingSubjectTests(ListFixtures lists, SubjectFixtures subjects, AccessFixtures access, EvaluationFixtures evaluations) {
        this.evaluations = evaluations;
        this.lists = lists;
        this.subjects = subjects;
        this.access = access;
    }

    @BeforeEach
    void loadFixtures() {
        subjects.ensureLoaded();
    }

    @Test
    void shouldStoreEntryAndAnswer201WithLocationWhenDepartmentIncludesSubject() {
        String subject = lists.enterprise();
        String authority = ListFixtures.authority();
        OffsetDateTime includedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(3).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime expiresAt = includedAt.plusYears(1);
        var created = as(lists.departmentKey(authority))
                .body(with(with(with(inclusion(subject, authority), "includedAt", includedAt.toString()), "expiresAt", expiresAt.toString()),
                        "subjectName", ListFixtures.name(subject)))
                .when().post(ENTRIES, "red")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/lists/red/entries/[0-9]+"))
                .body("listType", equalTo("red"))
                .body("subjectUscc", equalTo(subject))
                .body("subjectName", equalTo(ListFixtures.name(subject)))
                .body("authority", equalTo("石河子市测试局"))
                .body("authorityUscc", equalTo(authority))
                .body("reason", equalTo("测试原因"))
                .body("legalBasis", equalTo("《测试办法》第一条"))
                .body("current", equalTo(true))
                .body("$", not(hasKey("legalRepresentative")))
                .body("$", not(hasKey("removal")))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith("/api/v1/lists/red/entries/" + id));
        assertEquals(includedAt, OffsetDateTime.parse(created.path("includedAt")));
        assertEquals(expiresAt, OffsetDateTime.parse(created.path("expiresAt")));
        Map<String, Object> row = lists.row(id);
        assertEquals("RED", row.get("list_type"));
        assertEquals(authority, row.get("authority_uscc"));
        assertEquals("石河子市测试局", row.get("authority"));
        assertEquals("测试原因", row.get("reason"));
        assertEquals("《测试办法》第一条", row.get("legal_basis"));
        assertEquals(includedAt.toInstant(), ((Timestamp) row.get("included_at")).toInstant());
        assertEquals(expiresAt.toInstant(), ((Timestamp) row.get("expires_at")).toInstant());
        assertNull(row.get("legal_representative"));
        assertNull(row.get("removed_at"));
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP)))
                .when().get(created.header("Location"))
                .then().statusCode(200).body("id", equalTo(id)).body("current", equalTo(true));
    }

    @Test
    void shouldIncludeFromNowWhenIncludedAtIsAbsent() {
        String subject = lists.enterprise();
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        String id = ListFixtures.include("watch", inclusion(subject, ListFixtures.authority()));
        Instant includedAt = ((Timestamp) lists.row(id).get("included_at")).toInstant();
        assertTrue(includedAt.isAfter(before.toInstant()) && includedAt.isBefore(OffsetDateTime.now().plusSeconds(1).toInstant()), includedAt.toString());
    }

    @Test
    void shouldEndABlackListEntryAtThreeYearsWhateverExpiryWasSent() {
        String subject = lists.enterprise();
        OffsetDateTime included = OffsetDateTime.parse("2026-05-01T09:00:00+08:00");
        String capped = asOperator().body(with(with(inclusion(subject, ListFixtures.authority()), "includedAt", included.toString()),
                        "expiresAt", included.plusYears(5).toString()))
                .when().post(ENTRIES, "black").then().statusCode(201).extract().path("id");
        assertEquals(included.plusYears(3).toInstant(), ((Timestamp) lists.row(capped).get("expires_at")).toInstant(),
                "a serious failing's list entry lasts at most three years from its inclusion");
        String open = asOperator().body(with(inclusion(lists.enterprise(), ListFixtures.authority()), "includedAt", included.toString()))
                .when().post(ENTRIES, "watch").then().statusCode(201).extract().path("id");
        assertEquals(included.plusYears(1).toInstant(), ((Timestamp) lists.row(open).get("expires_at")).toInstant(),
                "a watch-list entry sent without an expiry ends after a year");
    }

    @Test
    void shouldShowNewMembershipInTheCachedProfileRightAfterInclusion() {
        String subject = lists.enterprise();
        // Its first evaluation would otherwise land between the two reads below and invalidate the cached answer.
        evaluations.awaitQuiet();
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP))).when().get("/api/v1/subjects/{uscc}", subject)
                .then().statusCode(200).body("listMemberships.size()", equalTo(0));
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP))).when().get("/api/v1/subjects/{uscc}", subject)
                .then().statusCode(200).header("X-Cache", "HIT").body("listMemberships.size()", equalTo(0));
        String id = ListFixtures.include("red", inclusion(subject, ListFixtures.authority()));
        given().header("Authorization", AccessFixtures.bearer(access.key(ConsumerType.APP))).when().get("/api/v1/subjects/{uscc}", subject)
                .then().statusCode(200).header("X-Cache", "MISS").body("listMemberships.id", hasItem(id)).body("listHistory.id", hasItem(id));
    }

    @Test
    void shouldLinkRegisteredLegalRepresentativeWhenBlackListingEnterpriseWithoutOne() {
        String subject = lists.subject("INDIVIDUAL_BUSINESS", "张三", SubjectFixtures.REGION);
        String id = asOperator().body(inclusion(subject, ListFixtures.authority())).when().post(ENTRIES, "black")
                .then().statusCode(201).body("legalRepresentative", equalTo("张三")).extract().path("id");
        assertEquals("张三", lists.row(id).get("legal_representative"));
    }

    @Test
    void shouldLinkNamedLegalRepresentativeWhenDepartmentNamesOne() {
        String subject = lists.enterprise();
        String id = asOperator().body(with(inclusion(subject, ListFixtures.authority()), "legalRepresentative", " 李四 "))
                .when().post(ENTRIES, "black")
                .then().statusCode(201).body("legalRepresentative", equalTo("李四")).extract().path("id");
        assertEquals("李四", lists.row(id).get("legal_representative"));
    }

    @Test
    void shouldRefuseBlackListingEnterpriseWhenNoLegalRepresentativeIsKnown() {
        String subject = lists.subject("FARMERS_COOPERATIVE", null, SubjectFixtures.REGION);
        asOperator().body(with(inclusion(subject, ListFixtures.authority()), "legalRepresentative", "  "))
                .when().post(ENTRIES, "black")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/validation-failed"))
                .body("errors[0].field", equalTo("legalRepresentative"))
                .body("errors[0].code", equalTo("required"));
        assertEquals(0, lists.entryCount(subject));
    }

    @Test
    void shouldBlackListOtherSubjectsWithoutLegalRepresentative() {
        String subject = lists.subject("SOCIAL_ORGANISATION", null, SubjectFixtures.REGION);
        String id = asOperator().body(inclusion(subject, ListFixtures.authority())).when().post(ENTRIES, "black")
                .then().statusCode(201).body("$", not(hasKey("legalRepresentative"))).extract().path("id");
        assertNull(lists.row(id).get("legal_representative"));
    }

    @Test
    void shouldRefuseLegalRepresentativeWhenListIsNotTheBlackList() {
        String subject = lists.enterprise();
        asOperator().body(with(inclusion(subject, ListFixtures.authority()), "legalRepresentative", "李四"))
                .when().post(ENTRIES, "watch")
                .then().statusCode(400).body("errors[0].field", equalTo("legalRepresentative")).body("errors[0].code", equalTo("not-allowed"));
        assertEquals(0, lists.entryCount(subject));
    }

    @Test
    void shouldAnswer409WhenSameAuthorityListsSubjectAgainWhileEntryIsUnended() {
        String subject = lists.enterprise();
        String authority = ListFixtures.authority();
        String key = lists.departmentKey(authority);
        String first = as(key).body(inclusion(subject, authority)).when().post(ENTRIES, "abnormal").then().statusCode(201).extract().path("id");
        as(key).body(inclusion(subject, authority)).when().post(ENTRIES, "abnormal")
                .then().statusCode(409).contentType(PROBLEM).body("type", endsWith("/conflict")).body("detail", containsString("entry " + first));
        assertEquals(1, lists.entryCount(subject));
        ListFixtures.include("abnormal", inclusion(subject, ListFixtures.authority()));
        ListFixtures.include("red", inclusion(subject, authority));
        ListFixtures.remove(key, "abnormal", first, "repaired").statusCode(200);
        as(key).body(inclusion(subject, authority)).when().post(ENTRIES, "abnormal").then().statusCode(201);
        assertEquals(4, lists.entryCount(subject));
    }

    @Test
    void shouldStoreOneEntryWhenTheSameInclusionArrivesConcurrently() throws Exception {
        String subject = lists.enterprise();
        Map<String, Object> body = inclusion(subject, ListFixtures.authority());
        List<Callable<Integer>> calls = Collections.nCopies(8,
                () -> asOperator().body(body).when().post(ENTRIES, "black").then().extract().statusCode());
        List<Integer> statuses = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(8);
        try {
            for (var answer : pool.invokeAll(calls)) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        assertEquals(1, lists.entryCount(subject));
    }

    @Test
    void shouldIncludeAgainWhenEarlierEntryHasExpired() {
        String subject = lists.enterprise();
        String authority = ListFixtures.authority();
        OffsetDateTime now = OffsetDateTime.now();
        ListFixtures.include("watch", with(with(inclusion(subject, authority), "includedAt", now.minusYears(1).toString()),
                "expiresAt", now.minusDays(1).toString()));
        ListFixtures.include("watch", inclusion(subject, authority));
        assertEquals(2, lists.entryCount(subject));
    }

    @Test
    void shouldRefuseDepartmentActingForAnotherAuthority() {
        String subject = lists.enterprise();
        String other = ListFixtures.authority();
        as(lists.departmentKey(ListFixtures.authority())).body(inclusion(subject, other)).when().post(ENTRIES, "black")
                .then().statusCode(403).contentType(PROBLEM).body("type", endsWith("/forbidden")).body("detail", containsString(other));
        assertEquals(0, lists.entryCount(subject));
    }

    @Test
    void shouldRefuseUnboundDepartmentWhichCannotHoldTheListScope() {
        String subject = lists.enterprise();
        // An unbound department is created with read scopes only (a write scope needs the binding: ConsumerResourceTests).
        as(access.key(ConsumerType.DEPARTMENT)).body(inclusion(subject, ListFixtures.authority())).when().post(ENTRIES, "red")
                .then().statusCode(403).contentType(PROBLEM).body("detail", containsString("scope"));
        assertEquals(0, lists.entryCount(subject));
    }

    @Test
    void shouldAnswer403WhenKeyLacksListsWriteScope() {
        String subject = lists.enterprise();
        String authority = ListFixtures.authority();
        as(access.key(ConsumerType.BANK)).body(inclusion(subject, authority)).when().post(ENTRIES, "red")
                .then().statusCode(403).contentType(PROBLEM).body("type", endsWith("/forbidden"));
        String readOnlyDepartment = AccessFixtures.issueKey(AccessFixtures.createConsumer("只读部门", ConsumerType.DEPARTMENT, authority,
                List.of("public:read"), "standard"));
        as(readOnlyDepartment).body(inclusion(subject, authority)).when().post(ENTRIES, "red").then().statusCode(403);
        assertEquals(0, lists.entryCount(subject));
    }

    @Test
    void shouldAnswer401WithoutKey() {
        String subject = lists.enterprise();
        given().contentType(ContentType.JSON).body(inclusion(subject, ListFixtures.authority())).when().post(ENTRIES, "red")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", containsString("Bearer"));
        assertEquals(0, lists.entryCount(subject));
    }

    @Test
    void shouldAnswer400ListingTheTypesWhenTypeIsUnknown() {
        String subject = lists.enterprise();
        asOperator().body(inclusion(subject, ListFixtures.authority())).when().post(ENTRIES, "grey")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/invalid-parameter"))
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].code", equalTo("unknown-value"))
                .body("errors[0].expected", equalTo("red, black, watch, abnormal, dishonest-debtor"));
        assertEquals(0, lists.entryCount(subject));
    }

    @Test
    void shouldNameTheFailingPartWhenSubjectUsccIsInvalid() {
        String subject = lists.enterprise();
        String wrongCheck = subject.substring(0, 17) + (subject.charAt(17) == '0' ? '1' : '0');
        asOperator().body(inclusion(wrongCheck, ListFixtures.authority())).when().post(ENTRIES, "red")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/invalid-uscc"))
                .body("errors[0].field", equalTo("subjectUscc"))
                .body("errors[0].code", equalTo("check-character"))
                .body("errors[0].expected", equalTo(String.valueOf(subject.charAt(17))));
        asOperator().body(inclusion(subject, "11659001MB0L00O1X")).when().post(ENTRIES, "red")
                .then().statusCode(400)
                .body("type", endsWith("/invalid-uscc"))
                .body("errors.field", hasItem("authorityUscc"))
                .body("errors.code", hasItems("length"));
        asOperator().body(inclusion(wrongCheck, "11659001MB0L00O1X")).when().post(ENTRIES, "red")
                .then().statusCode(400)
                .body("type", endsWith("/invalid-uscc"))
                .body("errors.field", hasItems("authorityUscc", "subjectUscc"))
                .body("detail", containsString("subjectUscc: check character"));
        assertEquals(0, lists.entryCount(subject));
    }

    @Test
    void shouldRefuseAuthorityThatIsNotAGovernmentBody() {
        String subject = lists.enterprise();
        asOperator().body(inclusion(subject, lists.enterprise())).when().post(ENTRIES, "red")
                .then().statusCode(400).body("type", endsWith("/validation-failed"))
                .body("errors[0].field", equalTo("authorityUscc")).body("errors[0].code", equalTo("not-a-government-body"));
        assertEquals(0, lists.entryCount(subject));
    }

    @Test
    void shouldRefuseExpiryThatDoesNotFollowInclusion() {
        String subject = lists.enterprise();
        OffsetDateTime includedAt = OffsetDateTime.now().minusDays(10).truncatedTo(ChronoUnit.SECONDS);
        for (OffsetDateTime expiresAt : List.of(includedAt, includedAt.minusDays(1))) {
            asOperator().body(with(with(inclusion(subject, ListFixtures.authority()), "includedAt", includedAt.toString()), "expiresAt",
                            expiresAt.toString()))
                    .when().post(ENTRIES, "red")
                    .then().statusCode(400).body("errors[0].field", equalTo("expiresAt")).body("errors[0].code", equalTo("not-after-inclusion"));
        }
        asOperator().body(with(inclusion(subject, ListFixtures.authority()), "expiresAt", OffsetDateTime.now().minusMinutes(5).toString()))
                .when().post(ENTRIES, "red")
                .then().statusCode(400).body("errors[0].code", equalTo("not-after-inclusion"));
        assertEquals(0, lists.entryCount(subject));
    }

    @Test
    void shouldRefuseInclusionMoreThanAMinuteAhead() {
        String subject = lists.enterprise();
        asOperator().body(with(inclusion(subject, ListFixtures.authority()), "includedAt", OffsetDateTime.now().plusMinutes(5).toString()))
                .when().post(ENTRIES, "red")
                .then().statusCode(400).body("errors[0].field", equalTo("includedAt")).body("errors[0].code", equalTo("in-the-future"));
        assertEquals(0, lists.entryCount(subject));
        asOperator().body(with(inclusion(subject, ListFixtures.authority()), "includedAt", OffsetDateTime.now().plusSeconds(20).toString()))
                .when().post(ENTRIES, "red")
                .then().statusCode(201).body("current", equalTo(false));
    }

    @Test
    void shouldRefuseSubjectNameThatIsNotTheRegisteredOne() {
        String subject = lists.enterprise();
        String halfWidth = ListFixtures.name(subject).replace('（', '(').replace('）', ')');
        asOperator().body(with(inclusion(subject, ListFixtures.authority()), "subjectName", "石河子别的公司"))
                .when().post(ENTRIES, "red")
                .then().statusCode(400).body("errors[0].field", equalTo("subjectName")).body("errors[0].code", equalTo("name-mismatch"))
                .body("errors[0].expected", equalTo(ListFixtures.name(subject)));
        assertEquals(0, lists.entryCount(subject));
        asOperator().body(with(inclusion(subject, ListFixtures.authority()), "subjectName", halfWidth)).when().post(ENTRIES, "red")
                .then().statusCode(201);
    }

    @Test
    void shouldAnswer404WhenSubjectIsNotRegistered() {
        asOperator().body(inclusion(SubjectFixtures.UNREGISTERED, ListFixtures.authority())).when().post(ENTRIES, "red")
                .then().statusCode(404).contentType(PROBLEM).body("type", endsWith("/subject-not-found"))
                .body("errors[0].field", equalTo("subjectUscc"));
    }

    @Test
    void shouldRefuseUnknownFieldsMissingFieldsMalformedJsonAndOtherMediaTypes() {
        String subject = lists.enterprise();
        asOperator().body(with(inclusion(subject, ListFixtures.authority()), "colour", "red")).when().post(ENTRIES, "red")
                .then().statusCode(400).body("type", endsWith("/validation-failed"))
                .body("errors[0].field", equalTo("colour")).body("errors[0].code", equalTo("unknown-field"));
        asOperator().body("{\"subjectUscc\": \"" + subject + "\", ").when().post(ENTRIES, "red")
                .then().statusCode(400).body("type", endsWith("/malformed-body"));
        asOperator().body(Map.of("subjectUscc", subject)).when().post(ENTRIES, "red")
                .then().statusCode(400).body("type", endsWith("/validation-failed"))
                .body("errors.field", hasItems("authority", "authorityUscc", "reason", "legalBasis"));
        asOperator().body(with(inclusion(subject, ListFixtures.authority()), "includedAt", "2026-04-01 09:00")).when().post(ENTRIES, "red")
                .then().statusCode(400).body("errors[0].field", equalTo("includedAt")).body("errors[0].code", equalTo("wrong-type"));
        asOperator().body("").when().post(ENTRIES, "red")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).contentType(ContentType.TEXT).body("red")
                .when().post(ENTRIES, "red")
                .then().statusCode(415).contentType(PROBLEM);
        assertEquals(0, lists.entryCount(subject));
    }

    @Test
    void shouldNotPublishNullFields() {
        String subject = lists.enterprise();
        asOperator().body(inclusion(subject, ListFixtures.authority())).when().post(ENTRIES, "red")
                .then().statusCode(201).body("expiresAt", nullValue()).body("$", not(hasKey("expiresAt")));
    }
}
