package cn.opencredit.gateway.person;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.access.AccessFixtures;
import cn.opencredit.gateway.access.ConsumerType;
import cn.opencredit.gateway.subject.SubjectFixtures;
import cn.opencredit.gateway.testing.Jdbc;

/**
 * Natural persons: identity numbers sealed at rest and masked in every answer, looked up only by
 * number and scope, read by apps only under consent, and every read in the person's access log.
 */
@QuarkusTest
class PersonTests {

    private static final AtomicInteger PERSONS = new AtomicInteger();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final Set<String> PERSON_SCHEMAS = Set.of("Person", "IncentivePerson");

    private final AgroalDataSource dataSource;
    private final AccessFixtures access = new AccessFixtures();

    PersonTests(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static RequestSpecification as(String key) {
        return given().header("Authorization", AccessFixtures.bearer(key)).contentType(ContentType.JSON);
    }

    private static RequestSpecification asOperator() {
        return as(AccessFixtures.OPERATOR_KEY);
    }

    /** A fresh, well-formed resident identity card number of the fixture region. */
    private static String identityNumber() {
        return SubjectFixtures.REGION + "19900101" + String.format("%03d", PERSONS.incrementAndGet() % 1000) + "7";
    }

    private static String masked(String number) {
        return number.substring(0, 6) + "********" + number.substring(14);
    }

    private static Response register(String number, String occupation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("identityNumber", number);
        body.put("name", "测试人" + PERSONS.get());
        body.put("occupation", occupation);
        return asOperator().body(body).when().post("/api/v1/persons");
    }

    @Test
    void shouldRegisterAPersonOnceAndKeepTheNumberOnlySealed() throws SQLException {
        String number = identityNumber();
        String id = register(number, "teacher").then().statusCode(201)
                .body("identityNumber", equalTo(masked(number))).body("occupation", equalTo("teacher"))
                .extract().path("id");
        register(number, "lawyer").then().statusCode(200).body("id", equalTo(id)).body("occupation", equalTo("lawyer"));
        assertEquals(2, Jdbc.scalar(dataSource, "SELECT count(*) FROM audit_access_log WHERE subject_uscc = ? AND operation = 'person.register'",
                PersonService.logKey(java.util.UUID.fromString(id))));

        try (Connection connection = dataSource.getConnection(); PreparedStatement read = connection.prepareStatement("""
                SELECT p.identity_cipher, p.identity_key_id, p.identity_masked, s.uscc, s.subject_type, s.identity_hash, row_to_json(p)::text,
                       row_to_json(s)::text
                FROM person p JOIN subject s ON s.id = p.subject_id WHERE p.public_id = ?::uuid""")) {
            read.setString(1, id);
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next());
                byte[] sealed = row.getBytes(1);
                assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains(number), "the sealed column holds no identity number");
                assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains(number.substring(6, 14)), "nor its birth date");
                assertEquals("test2026", row.getString(2));
                assertEquals(masked(number), row.getString(3));
                assertEquals(null, row.getString(4));
                assertEquals("NATURAL_PERSON", row.getString(5));
                assertEquals(32, row.getBytes(6).length);
                assertFalse(row.getString(7).contains(number), "no column of the person row holds the number");
                assertFalse(row.getString(8).contains(number), "no column of the subject row holds the number");
            }
        }
    }

    @Test
    void shouldRefuseANumberThatIsNoResidentIdentityCardWithoutRepeatingIt() {
        String wrong = "ABC12345";
        register(wrong, null).then().statusCode(400).body("errors[0].field", equalTo("identityNumber"))
                .body(not(containsString(wrong)));
        as(access.key(ConsumerType.OPERATOR)).body(Map.of("identityNumber", "not a number at all!"))
                .when().post("/api/v1/persons/lookup").then().statusCode(400).body(not(containsString("not a number at all")));
    }

    @Test
    void shouldLetADepartmentLookAPersonUpByNumberOnlyAndLogIt() {
        String number = identityNumber();
        String id = register(number, "physician").then().statusCode(201).extract().path("id");
        String department = departmentKey();
        as(department).body(Map.of("identityNumber", " " + number.toLowerCase() + " ")).when().post("/api/v1/persons/lookup")
                .then().statusCode(200).body("id", equalTo(id)).body("identityNumber", equalTo(masked(number)));
        as(department).body(Map.of("identityNumber", identityNumber())).when().post("/api/v1/persons/lookup")
                .then().statusCode(404).body(not(containsString(number.substring(6))));
        as(access.key(ConsumerType.APP)).body(Map.of("identityNumber", number)).when().post("/api/v1/persons/lookup").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("identityNumber", number)).when().post("/api/v1/persons/lookup").then().statusCode(401);
        assertEquals(1, Jdbc.scalar(dataSource, "SELECT count(*) FROM audit_access_log WHERE subject_uscc = ? AND operation = 'person.lookup'",
                PersonService.logKey(java.util.UUID.fromString(id))));
    }

    @Test
    void shouldShowWhoLookedAPersonUpToTheCounterAndToSupervisorsOnly() {
        String number = identityNumber();
        String id = register(number, "teacher").then().statusCode(201).extract().path("id");
        String logKey = PersonService.logKey(java.util.UUID.fromString(id));
        as(departmentKey()).body(Map.of("identityNumber", number)).when().post("/api/v1/persons/lookup").then().statusCode(200);

        // Newest first: the department's look-up, then the registration; nothing of the number.
        Response first = asOperator().queryParam("limit", 1).when().get("/api/v1/persons/{id}/access-log", id);
        first.then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].operation", equalTo("person.lookup"))
                .body("items[0].consumerName", equalTo("石河子市人社局（人员核查）")).body("items[0].consumerType", equalTo("department"))
                .body("items[0].outcome", equalTo(200)).body(not(containsString(number.substring(6, 14))));
        String cursor = first.path("nextCursor");
        asOperator().queryParam("limit", 1).queryParam("cursor", cursor).when().get("/api/v1/persons/{id}/access-log", id)
                .then().statusCode(200).body("items[0].operation", equalTo("person.register"));
        String supervisor = AccessFixtures.issueKey(AccessFixtures.createConsumer("市信用办监察室", ConsumerType.OPERATOR, null,
                List.of("audit:read"), "standard"));
        as(supervisor).when().get("/api/v1/persons/{id}/access-log", id).then().statusCode(200)
                .body("items.operation", org.hamcrest.Matchers.hasItems("person.access-log", "person.lookup", "person.register"));
        assertEquals(3, Jdbc.scalar(dataSource, "SELECT count(*) FROM audit_access_log WHERE subject_uscc = ? AND operation = 'person.access-log'",
                logKey), "every reading of the log is itself in the log");

        // Refused and not logged: another person's cursor, a bad page size, callers without the scope, unknown persons.
        String other = register(identityNumber(), null).then().statusCode(201).extract().path("id");
        asOperator().queryParam("cursor", cursor).when().get("/api/v1/persons/{id}/access-log", other).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        asOperator().queryParam("limit", 0).when().get("/api/v1/persons/{id}/access-log", id).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as(departmentKey()).when().get("/api/v1/persons/{id}/access-log", id).then().statusCode(403);
        as(access.key(ConsumerType.APP)).when().get("/api/v1/persons/{id}/access-log", id).then().statusCode(403);
        given().when().get("/api/v1/persons/{id}/access-log", id).then().statusCode(401);
        asOperator().when().get("/api/v1/persons/{id}/access-log", java.util.UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("https://api.opencredit.cn/problems/not-found"));
        asOperator().when().get("/api/v1/persons/{id}/access-log", "not-a-uuid").then().statusCode(404);
        assertEquals(3, Jdbc.scalar(dataSource, "SELECT count(*) FROM audit_access_log WHERE subject_uscc = ? AND operation = 'person.access-log'",
                logKey));
        assertEquals(0, Jdbc.scalar(dataSource, "SELECT count(*) FROM audit_access_log WHERE subject_uscc = ? AND operation = 'person.access-log'",
                PersonService.logKey(java.util.UUID.fromString(other))));
    }

    @Test
    void shouldAnswerAnAppAboutAPersonOnlyUnderThePersonsConsent() {
        String number = identityNumber();
        String id = register(number, "teacher").then().statusCode(201).extract().path("id");
        String app = access.key(ConsumerType.APP);
        String appId = access.id(ConsumerType.APP);
        as(app).when().get("/api/v1/persons/{id}/incentives", id).then().statusCode(404)
                .body("type", equalTo("https://api.opencredit.cn/problems/not-found"));
        as(app).when().get("/api/v1/persons/{id}/incentives", java.util.UUID.randomUUID()).then().statusCode(404);

        String consentId = asOperator().body(Map.of("granteeId", appId, "validUntil", TODAY.plusMonths(6).toString()))
                .when().post("/api/v1/persons/{id}/consents", id)
                .then().statusCode(201).body("person.identityNumber", equalTo(masked(number))).body("purpose", equalTo("incentive"))
                .extract().path("consentId");
        Response answer = as(app).when().get("/api/v1/persons/{id}/incentives", id);
        answer.then().statusCode(200).body("person.identityNumber", equalTo(masked(number))).body("person.occupation", equalTo("teacher"))
                .body("scenarios.find { it.code == 'key-occupation-honour' }.eligible", equalTo(true))
                .body("scenarios.find { it.code == 'library-deposit-waiver' }.eligible", equalTo(true))
                .body("scenarios.find { it.code == 'fast-approval' }", equalTo(null));
        assertFalse(answer.asString().contains(number));
        assertEquals(1, Jdbc.scalar(dataSource, "SELECT count(*) FROM audit_access_log WHERE subject_uscc = ? AND operation = 'incentive.eligibility' "
                + "AND consent_id = ?", PersonService.logKey(java.util.UUID.fromString(id)), Long.parseLong(consentId)));

        // Another app, not authorised, learns nothing of the person.
        String otherApp = AccessFixtures.issueKey(AccessFixtures.createConsumer("另一个信易+应用", ConsumerType.APP, null, null, "standard"));
        as(otherApp).when().get("/api/v1/persons/{id}/incentives", id).then().statusCode(404);

        // Revoked like any consent: the next read is refused.
        asOperator().body(Map.of("version", 0, "reason", "本人撤回授权")).when().post("/api/v1/consents/{id}/revocation", consentId)
                .then().statusCode(200).body("state", equalTo("revoked"));
        as(app).when().get("/api/v1/persons/{id}/incentives", id).then().statusCode(404);
    }

    @Test
    void shouldExplainWhyAPersonOutsideTheKeyGroupsDoesNotQualify() {
        String id = register(identityNumber(), null).then().statusCode(201).extract().path("id");
        as(departmentKey()).when().get("/api/v1/persons/{id}/incentives", id).then().statusCode(200)
                .body("scenarios.find { it.code == 'key-occupation-honour' }.eligible", equalTo(false))
                .body("scenarios.find { it.code == 'key-occupation-honour' }.unmet[0].condition", equalTo("key-occupation"))
                .body("scenarios.find { it.code == 'key-occupation-honour' }.unmet[0].facts.occupation", equalTo(""));
    }

    /**
     * Every operation whose answer can carry a person (its success responses reach the Person or
     * IncentivePerson schema) is called here, and none answers the number in clear.
     */
    @Test
    void shouldMaskTheIdentityNumberInEveryAnswerThatCanCarryAPerson() throws Exception {
        String number = identityNumber();
        String app = access.key(ConsumerType.APP);
        Map<String, Supplier<Response>> calls = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        calls.put("registerPerson", () -> {
            Response registered = register(number, "tour-guide");
            ids.add(registered.path("id"));
            return registered;
        });
        calls.put("lookUpPerson", () -> as(departmentKey()).body(Map.of("identityNumber", number)).when().post("/api/v1/persons/lookup"));
        calls.put("recordPersonConsent", () -> asOperator().body(Map.of("granteeId", access.id(ConsumerType.APP), "validUntil",
                TODAY.plusMonths(1).toString())).when().post("/api/v1/persons/{id}/consents", ids.getFirst()));
        calls.put("getPersonIncentives", () -> as(app).when().get("/api/v1/persons/{id}/incentives", ids.getFirst()));

        assertEquals(operationsCarrying(PERSON_SCHEMAS), new TreeSet<>(calls.keySet()));
        for (Map.Entry<String, Supplier<Response>> call : calls.entrySet()) {
            Response answer = call.getValue().get();
            assertTrue(answer.statusCode() < 300, call.getKey() + " answered " + answer.statusCode() + ": " + answer.asString());
            assertFalse(answer.asString().contains(number), call.getKey() + " answered the number in clear");
            assertTrue(answer.asString().contains(masked(number)), call.getKey() + " answered the masked number");
        }
    }

    /** Operation ids whose 2xx answers reach one of {@code schemas}, read from the committed contract. */
    private static Set<String> operationsCarrying(Set<String> schemas) throws Exception {
        JsonNode contract = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile());
        JsonNode components = contract.path("components").path("schemas");
        Set<String> carrying = new HashSet<>(schemas);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (var names = components.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!carrying.contains(name) && refersTo(components.get(name), carrying)) {
                    carrying.add(name);
                    grew = true;
                }
            }
        }
        Set<String> operations = new TreeSet<>();
        contract.path("paths").forEach(path -> path.forEach(operation -> {
            JsonNode responses = operation.path("responses");
            for (var codes = responses.fieldNames(); codes.hasNext(); ) {
                String code = codes.next();
                if (code.startsWith("2") && refersTo(responses.get(code), carrying)) {
                    Optional.ofNullable(operation.get("operationId")).map(JsonNode::asText).ifPresent(operations::add);
                }
            }
        }));
        return operations;
    }

    private static boolean refersTo(JsonNode node, Set<String> schemas) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && schemas.contains(ref.asText().substring(ref.asText().lastIndexOf('/') + 1))) {
                return true;
            }
            for (var fields = node.elements(); fields.hasNext(); ) {
                if (refersTo(fields.next(), schemas)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (refersTo(element, schemas)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String departmentKey() {
        return AccessFixtures.issueKey(AccessFixtures.createConsumer("石河子市人社局（人员核查）", ConsumerType.DEPARTMENT, null,
                List.of("public:read", "persons:read", "incentive:read"), "standard"));
    }
}
