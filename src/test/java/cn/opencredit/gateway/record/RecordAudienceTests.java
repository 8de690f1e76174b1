package cn.opencredit.gateway.record;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.shared.cache.SubjectDataVersions;
import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * Who sees which records of {@link SubjectFixtures#RICH}, which holds one authorised-level and one
 * government-level record: each audience gets its own view, and the cache never hands one
 * audience's view to another, whichever reads first.
 */
@QuarkusTest
class RecordAudienceTests {

    private static final String PROFILE = "/api/v1/subjects/{uscc}";
    private static final String RECORDS = "/api/v1/subjects/{uscc}/records";
    private static final String AUTHORISED = "fixture authorised";
    private static final String GOVERNMENT = "fixture government";
    /** The newest public record: every audience sees it, so an empty view cannot pass for a filtered one. */
    private static final String PUBLIC = "fixture disputed";

    private final SubjectFixtures fixtures;
    private final AccessFixtures access;
    private final SubjectDataVersions versions;

    RecordAudienceTests(SubjectFixtures fixtures, AccessFixtures access, SubjectDataVersions versions) {
        this.fixtures = fixtures;
        this.access = access;
        this.versions = versions;
    }

    @BeforeEach
    void freshlyInvalidated() {
        fixtures.ensureLoaded();
        versions.subjectChanged(SubjectFixtures.RICH).await().atMost(Duration.ofSeconds(2));
    }

    @Test
    void shouldNeverServeTheGovernmentViewCachedFirstToThePublicOrTheSubject() {
        ExtractableResponse<Response> government = as(ConsumerType.DEPARTMENT).get(PROFILE, SubjectFixtures.RICH).then().statusCode(200)
                .header("X-Cache", "MISS").body("latestRecords.title", hasItems(AUTHORISED, GOVERNMENT)).extract();
        as(ConsumerType.DEPARTMENT).get(PROFILE, SubjectFixtures.RICH).then().statusCode(200).header("X-Cache", "HIT");

        ExtractableResponse<Response> anonymous = given().get(PROFILE, SubjectFixtures.RICH).then().statusCode(200)
                .header("X-Cache", "MISS").body("latestRecords.title", hasItem(PUBLIC))
                .body("latestRecords.title", not(hasItem(GOVERNMENT))).body("latestRecords.title", not(hasItem(AUTHORISED))).extract();
        as(ConsumerType.BANK).get(PROFILE, SubjectFixtures.RICH).then().statusCode(200).header("X-Cache", "HIT")
                .body("latestRecords.title", hasItem(PUBLIC)).body("latestRecords.title", not(hasItem(GOVERNMENT))).body("latestRecords.title", not(hasItem(AUTHORISED)));
        ExtractableResponse<Response> self = as(ConsumerType.SUBJECT).get(PROFILE, SubjectFixtures.RICH).then().statusCode(200)
                .header("X-Cache", "MISS")
                .body("latestRecords.title", hasItem(AUTHORISED)).body("latestRecords.title", not(hasItem(GOVERNMENT))).extract();

        assertEquals(3, List.of(government.header("ETag"), anonymous.header("ETag"), self.header("ETag")).stream().distinct().count(),
                "three views, three entity tags");
        assertNotEquals(government.path("recordCounts").toString(), anonymous.path("recordCounts").toString());
        given().header("If-None-Match", government.header("ETag")).get(PROFILE, SubjectFixtures.RICH).then().statusCode(200);
    }

    @Test
    void shouldNeverServeThePublicViewCachedFirstToADepartment() {
        given().get(PROFILE, SubjectFixtures.RICH).then().statusCode(200).header("X-Cache", "MISS");
        given().get(PROFILE, SubjectFixtures.RICH).then().statusCode(200).header("X-Cache", "HIT")
                .body("latestRecords.title", hasItem(PUBLIC)).body("latestRecords.title", not(hasItem(GOVERNMENT)));

        as(ConsumerType.OPERATOR).get(PROFILE, SubjectFixtures.RICH).then().statusCode(200).header("X-Cache", "MISS")
                .body("latestRecords.title", hasItems(AUTHORISED, GOVERNMENT));
    }

    @Test
    void shouldShowASubjectConsumerOnlyThePublicViewOfAnotherSubject() {
        String otherSubjectsKey = AccessFixtures.issueKey(
                AccessFixtures.createConsumer("bound to BARE", ConsumerType.SUBJECT, SubjectFixtures.BARE, null, "standard"));
        as(ConsumerType.SUBJECT).get(PROFILE, SubjectFixtures.RICH).then().statusCode(200).body("latestRecords.title", hasItem(AUTHORISED));

        given().header("Authorization", AccessFixtures.bearer(otherSubjectsKey)).get(PROFILE, SubjectFixtures.RICH).then().statusCode(200)
                .body("latestRecords.title", hasItem(PUBLIC))
                .body("latestRecords.title", not(hasItem(AUTHORISED))).body("latestRecords.title", not(hasItem(GOVERNMENT)));
    }

    @Test
    void shouldRecogniseTheSubjectsOwnCodeHoweverItIsWritten() {
        ExtractableResponse<Response> canonical = as(ConsumerType.SUBJECT).get(PROFILE, SubjectFixtures.RICH).then().statusCode(200)
                .body("latestRecords.title", hasItem(AUTHORISED)).extract();

        as(ConsumerType.SUBJECT).get(PROFILE, SubjectFixtures.RICH.toLowerCase(java.util.Locale.ROOT)).then().statusCode(200)
                .header("ETag", canonical.header("ETag")).body("latestRecords.title", hasItem(AUTHORISED));
    }

    @Test
    void shouldPageEachAudiencesOwnRecords() {
        as(ConsumerType.DEPARTMENT).queryParam("limit", "100").get(RECORDS, SubjectFixtures.RICH).then().statusCode(200)
                .body("items.title", hasItems(AUTHORISED, GOVERNMENT));
        as(ConsumerType.BANK).queryParam("limit", "100").get(RECORDS, SubjectFixtures.RICH).then().statusCode(200)
                .header("X-Cache", "MISS").body("items.title", hasItem(PUBLIC))
                .body("items.title", not(hasItem(AUTHORISED))).body("items.title", not(hasItem(GOVERNMENT)));
        as(ConsumerType.SUBJECT).queryParam("limit", "100").get(RECORDS, SubjectFixtures.RICH).then().statusCode(200)
                .header("X-Cache", "MISS")
                .body("items.title", hasItem(AUTHORISED)).body("items.title", not(hasItem(GOVERNMENT)));
    }

    @Test
    void shouldHideRepairedRevokedAndUnpublishedRecordsFromEveryAudience() {
        for (ConsumerType type : new ConsumerType[] {ConsumerType.DEPARTMENT, ConsumerType.SUBJECT, ConsumerType.BANK}) {
            as(type).queryParam("limit", "100").get(RECORDS, SubjectFixtures.RICH).then().statusCode(200)
                    .body("items.title", hasItems(PUBLIC, "fixture window-ends-today"))
                    .body("items.title", not(hasItem("fixture repaired")))
                    .body("items.title", not(hasItem("fixture revoked")))
                    .body("items.title", not(hasItem("fixture window-ended")))
                    .body("items.title", not(hasItem("fixture not-yet-published")));
        }
    }

    @Test
    void shouldDecideTheAudienceFromTheCallersTypeAndBinding() {
        String rich = SubjectFixtures.RICH;
        assertEquals(RecordAudience.GOVERNMENT, RecordPolicies.audience("DEPARTMENT", null, rich));
        assertEquals(RecordAudience.GOVERNMENT, RecordPolicies.audience("OPERATOR", null, rich));
        assertEquals(RecordAudience.SELF, RecordPolicies.audience("SUBJECT", rich, rich));
        assertEquals(RecordAudience.PUBLIC, RecordPolicies.audience("SUBJECT", SubjectFixtures.BARE, rich));
        assertEquals(RecordAudience.PUBLIC, RecordPolicies.audience("SUBJECT", null, rich));
        assertEquals(RecordAudience.PUBLIC, RecordPolicies.audience("BANK", null, rich));
        assertEquals(RecordAudience.PUBLIC, RecordPolicies.audience("CREDIT_AGENCY", null, rich));
        assertEquals(RecordAudience.PUBLIC, RecordPolicies.audience("APP", null, rich));
        assertEquals(RecordAudience.PUBLIC, RecordPolicies.audience("ANONYMOUS", null, rich));
    }

    private RequestSpecification as(ConsumerType type) {
        return given().header("Authorization", AccessFixtures.bearer(access.key(type)));
    }
}
