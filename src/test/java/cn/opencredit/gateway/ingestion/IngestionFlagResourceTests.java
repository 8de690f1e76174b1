package cn.opencredit.gateway.ingestion;

import static cn.opencredit.gateway.ingestion.IngestionFixtures.PATH;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.PROBLEM;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.TRANSPORT;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.asOperator;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.batch;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.newEnterpriseUscc;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.newRecordId;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.penalty;
import static cn.opencredit.gateway.ingestion.IngestionFixtures.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import cn.opencredit.gateway.subject.SubjectFixtures;

/** 重错码: records stored under a code whose name disagrees, flagged for operators. */
@QuarkusTest
class IngestionFlagResourceTests {

    private static final String FLAGS = "/api/v1/admin/ingest/flags";

    private final IngestionFixtures fixtures;
    private final SubjectFixtures subjects;

    IngestionFlagResourceTests(IngestionFixtures fixtures, SubjectFixtures subjects) {
        this.fixtures = fixtures;
        this.subjects = subjects;
    }

    @BeforeEach
    void loadSubjects() {
        subjects.ensureLoaded();
    }

    private io.restassured.response.ValidatableResponse send(String body) {
        return fixtures.asDepartment(TRANSPORT).contentType(ContentType.JSON).body(body).when().post(PATH).then().statusCode(200);
    }

    @Test
    void shouldStoreAndFlagANameThatDisagreesWithTheRegisteredOne() {
        String mismatch = newRecordId("mismatch");
        String variant = newRecordId("variant");
        String[] awkward = IngestionFixtures.KNOWN_BRACKETS;
        send(batch(penalty(mismatch, IngestionFixtures.KNOWN_FRUIT, "石河子天山果业公司"),
                penalty(variant, awkward[0], " 石河子归集昆仑(兵团)果业 有限公司")))
                .body("created", equalTo(2))
                .body("rows[0].flags.code", contains("name-mismatch"))
                .body("rows[0].flags[0].message", org.hamcrest.Matchers.containsString(IngestionFixtures.KNOWN_FRUIT_NAME))
                .body("rows[1].flags", empty());
        assertEquals(IngestionFixtures.KNOWN_FRUIT_NAME, fixtures.row("SELECT name FROM subject WHERE uscc = ?", IngestionFixtures.KNOWN_FRUIT).get("name"),
                "the register is not changed by a report");

        asOperator().queryParam("kind", "name-mismatch").queryParam("limit", "100").when().get(FLAGS)
                .then().statusCode(200)
                .body("items.find { it.sourceRecordId == '" + mismatch + "' }.subjectUscc", equalTo(IngestionFixtures.KNOWN_FRUIT))
                .body("items.find { it.sourceRecordId == '" + mismatch + "' }.reportedName", equalTo("石河子天山果业公司"))
                .body("items.find { it.sourceRecordId == '" + mismatch + "' }.registeredName", equalTo(IngestionFixtures.KNOWN_FRUIT_NAME))
                .body("items.find { it.sourceRecordId == '" + mismatch + "' }.recordId", notNullValue())
                .body("items.find { it.sourceRecordId == '" + mismatch + "' }.row", equalTo(1))
                .body("items.sourceRecordId", not(hasItem(variant)))
                .body("items.kind", everyItem(equalTo("name-mismatch")));
    }

    @Test
    void shouldFlagANameKnownUnderSeveralCodesAlsoWithinOneBatch() {
        String copy = newRecordId("copy");
        String twinA = newRecordId("twin-a");
        String twinB = newRecordId("twin-b");
        String[] registered = IngestionFixtures.KNOWN_LAWYERS;
        String first = newEnterpriseUscc();
        String second = newEnterpriseUscc();
        String third = newEnterpriseUscc();
        send(batch(penalty(copy, first, registered[1]),
                penalty(twinA, second, "石河子归集双胞胎有限公司"),
                penalty(twinB, third, "石河子归集双胞胎有限公司")))
                .body("created", equalTo(3))
                .body("rows[0].flags.code", contains("name-under-several-codes"))
                .body("rows[1].flags.code", contains("name-under-several-codes"))
                .body("rows[2].flags.code", contains("name-under-several-codes"));

        asOperator().queryParam("kind", "name-under-several-codes").queryParam("resolved", "false").queryParam("limit", "100")
                .when().get(FLAGS).then().statusCode(200)
                .body("items.find { it.sourceRecordId == '" + copy + "' }.otherUsccs", contains(registered[0]))
                .body("items.find { it.sourceRecordId == '" + twinA + "' }.otherUsccs", contains(third))
                .body("items.find { it.sourceRecordId == '" + twinB + "' }.otherUsccs", contains(second));
        assertEquals(registered[1], fixtures.row("SELECT name FROM subject WHERE uscc = ?", first).get("name"));
    }

    @Test
    void shouldNotPileUpFlagsWhenAFlaggedRecordIsSentAgain() {
        String id = newRecordId("again");
        send(batch(penalty(id, IngestionFixtures.KNOWN_FRUIT, "石河子天山果品公司")));
        send(batch(with(penalty(id, IngestionFixtures.KNOWN_FRUIT, "石河子天山果品公司"), "amount", "7000")))
                .body("rows[0].outcome", equalTo("updated")).body("rows[0].flags.code", contains("name-mismatch"));
        send(batch(with(penalty(id, IngestionFixtures.KNOWN_FRUIT, "石河子天山果品公司"), "amount", "7000")))
                .body("rows[0].outcome", equalTo("unchanged"));
        assertEquals(1, fixtures.count("SELECT count(*) FROM ingestion_flag WHERE source_record_id = ?", id));
    }

    @Test
    void shouldResolveAFlagOnceAndListItAsResolved() {
        String id = newRecordId("resolve");
        send(batch(penalty(id, IngestionFixtures.KNOWN_FRUIT, "石河子天山果业（集团）公司")));
        String flagId = asOperator().queryParam("kind", "name-mismatch").queryParam("limit", "100").when().get(FLAGS)
                .then().statusCode(200).extract().path("items.find { it.sourceRecordId == '" + id + "' }.id");
        asOperator().contentType(ContentType.JSON).body("{\"note\": \"已与数据来源单位核实，名称为简称\"}")
                .when().post(FLAGS + "/{id}/resolution", flagId)
                .then().statusCode(200).body("resolvedAt", notNullValue()).body("resolutionNote", equalTo("已与数据来源单位核实，名称为简称"));
        asOperator().contentType(ContentType.JSON).body("{\"note\": \"again\"}").when().post(FLAGS + "/{id}/resolution", flagId)
                .then().statusCode(409).contentType(PROBLEM);
        asOperator().queryParam("resolved", "true").queryParam("limit", "100").when().get(FLAGS)
                .then().statusCode(200).body("items.id", hasItem(flagId));
        asOperator().queryParam("resolved", "false").queryParam("limit", "100").when().get(FLAGS)
                .then().statusCode(200).body("items.id", not(hasItem(flagId)));
        asOperator().contentType(ContentType.JSON).body("{\"note\": \"x\"}").when().post(FLAGS + "/{id}/resolution", "999999999")
                .then().statusCode(404).contentType(PROBLEM);
        asOperator().contentType(ContentType.JSON).body("{\"note\": \"x\"}").when().post(FLAGS + "/{id}/resolution", "abc")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        asOperator().contentType(ContentType.JSON).body("{\"note\": \"\"}").when().post(FLAGS + "/{id}/resolution", flagId)
                .then().statusCode(400).contentType(PROBLEM);
        assertEquals(1, fixtures.count("SELECT count(*) FROM ingestion_flag WHERE source_record_id = ? AND resolved_by IS NOT NULL", id));
    }

    @Test
    void shouldPageFlagsNewestFirst() {
        for (int i = 0; i < 3; i++) {
            send(batch(penalty(newRecordId("page"), IngestionFixtures.KNOWN_FRUIT, "石河子天山果业分公司" + i)));
        }
        List<String> first = asOperator().queryParam("kind", "name-mismatch").queryParam("limit", "2").when().get(FLAGS)
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue()).extract().path("items.id");
        String cursor = asOperator().queryParam("kind", "name-mismatch").queryParam("limit", "2").when().get(FLAGS).then().extract().path("nextCursor");
        List<String> second = asOperator().queryParam("kind", "name-mismatch").queryParam("limit", "2").queryParam("cursor", cursor)
                .when().get(FLAGS).then().statusCode(200).extract().path("items.id");
        org.hamcrest.MatcherAssert.assertThat(Long.parseLong(first.get(0)), org.hamcrest.Matchers.greaterThan(Long.parseLong(first.get(1))));
        org.hamcrest.MatcherAssert.assertThat(Long.parseLong(first.get(1)), org.hamcrest.Matchers.greaterThan(Long.parseLong(second.get(0))));
        asOperator().queryParam("kind", "name-under-several-codes").queryParam("cursor", cursor).when().get(FLAGS)
                .then().statusCode(400).body("type", equalTo("https://api.opencredit.cn/problems/invalid-cursor"));
    }

    @Test
    void shouldRefuseBadFiltersAndNonOperators() {
        asOperator().queryParam("kind", "typo").when().get(FLAGS).then().statusCode(400).body("errors[0].field", equalTo("kind"));
        asOperator().queryParam("resolved", "maybe").when().get(FLAGS).then().statusCode(400).body("errors[0].field", equalTo("resolved"));
        fixtures.asDepartment(TRANSPORT).when().get(FLAGS).then().statusCode(403).contentType(PROBLEM);
        io.restassured.RestAssured.given().when().get(FLAGS).then().statusCode(401).contentType(PROBLEM);
    }
}
