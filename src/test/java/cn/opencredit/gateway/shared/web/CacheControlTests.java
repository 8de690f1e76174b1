package cn.opencredit.gateway.shared.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;

@QuarkusTest
class CacheControlTests {

    private static final String PROFILE = "/api/v1/subjects/{uscc}";

    private final SubjectFixtures subjects;
    private final AccessFixtures access;

    CacheControlTests(SubjectFixtures subjects, AccessFixtures access) {
        this.subjects = subjects;
        this.access = access;
    }

    @BeforeEach
    void subjects() {
        subjects.ensureLoaded();
    }

    @Test
    void shouldLetPublicAnswersToAnonymousReadsBeStoredOnlyToBeRevalidated() {
        String etag = given().when().get(PROFILE, SubjectFixtures.RICH).then().statusCode(200)
                .header("Cache-Control", equalTo("no-cache")).extract().header("ETag");
        given().header("If-None-Match", etag).when().get(PROFILE, SubjectFixtures.RICH).then().statusCode(304)
                .header("Cache-Control", equalTo("no-cache"));
        given().when().head(PROFILE, SubjectFixtures.RICH).then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
        given().queryParam("q", "天山").when().get("/api/v1/subjects").then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
    }

    @Test
    void shouldForbidStoringAnswersToKeyedCallers() {
        String bank = AccessFixtures.bearer(access.key(ConsumerType.BANK));
        given().header("Authorization", bank).when().get(PROFILE, SubjectFixtures.RICH).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
        given().header("Authorization", bank).when().get(PROFILE + "/records", SubjectFixtures.RICH).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void shouldForbidStoringProblemsAndWrites() {
        given().when().get(PROFILE, SubjectFixtures.UNREGISTERED).then().statusCode(404).header("Cache-Control", equalTo("no-store"));
        given().when().get(PROFILE, "91350100M000100Y4X").then().statusCode(400).header("Cache-Control", equalTo("no-store"));
        given().header("Authorization", "Bearer not-a-key-0000000000000000000000").when().get(PROFILE, SubjectFixtures.RICH)
                .then().statusCode(401).header("Cache-Control", equalTo("no-store"));
        given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/admin/consumers").then().statusCode(400).header("Cache-Control", equalTo("no-store"));
    }
}
