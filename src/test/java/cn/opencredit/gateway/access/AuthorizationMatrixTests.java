package cn.opencredit.gateway.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import cn.opencredit.gateway.evaluation.EvaluationFixtures;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.subject.SubjectFixtures;

/**
 * Every operation of the contract (openapi/openapi.yaml) × every kind of caller the gateway knows
 * → the outcome that the operation's security requirements and the caller's scopes call for: 401
 * without a usable key where a key is needed (and for an unusable key everywhere), 403 for a key
 * that carries none of the scope sets the operation lists, and neither for one that carries one.
 * Operations are read from the contract and scopes from the consumer types, so a new operation or
 * consumer type is covered without editing this class. Requests carry existing ids and valid bodies,
 * so that a permitted call is not mistaken for a refused one; the second test shows that a refusal
 * does not depend on them.
 */
@QuarkusTest
class AuthorizationMatrixTests {

    private static final Path CONTRACT = Path.of("openapi/openapi.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final String PROBLEMS = "https://api.opencredit.cn/problems/";
    /** The department the matrix's department consumer is bound to, and the authority of its list entries and records. */
    private static final String DEPARTMENT_USCC = SubjectFixtures.uscc("11", "MBAM0001");
    private static final String DEPARTMENT_NAME = "石河子市授权矩阵测试局";
    /** Has the red-list entry the matrix reads and removes, and the ingestion flag it resolves. */
    private static final String LISTED = SubjectFixtures.uscc("91", "MAAM0001");
    /** Included in the red list and reported by the matrix's own write requests. */
    private static final String INCLUDED = SubjectFixtures.uscc("91", "MAAM0002");
    private static final String INCLUDED_NAME = "石河子授权矩阵测试（二）有限公司";
    private static final List<Caller> CALLERS = callers();
    private static final AtomicReference<String> BANK_ID = new AtomicReference<>();
    private static final List<Operation> OPERATIONS = operations();

    /** Made once in {@link #prepare}: keys by caller name, ids by the path segment before them or their parameter name, a signed checkpoint. */
    private static final Map<String, String> KEYS = new HashMap<>();
    private static final Map<String, String> IDS = new HashMap<>();
    private static String checkpoint;

    private final SubjectFixtures subjects;
    private final EvaluationFixtures evaluations;
    private final AgroalDataSource dataSource;

    AuthorizationMatrixTests(SubjectFixtures subjects, EvaluationFixtures evaluations, AgroalDataSource dataSource) {
        this.subjects = subjects;
        this.evaluations = evaluations;
        this.dataSource = dataSource;
    }

    /** What the gateway must answer a call. */
    enum Outcome {
        UNAUTHENTICATED,
        FORBIDDEN,
        /** Neither 401 nor 403: what follows (200, 404, 409 …) is the operation's own business. */
        PERMITTED
    }

    /**
     * One operation of the contract.
     *
     * @param requirements the scope sets of its security requirements, any one of which suffices; an empty set admits callers without a key
     * @param contentType  the media type of its request body, null when it takes none
     * @param example      the contract's first example of that body
     */
    record Operation(String method, String path, String id, List<Set<String>> requirements, String contentType, String example) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * A kind of caller: without a key, with a key that does not work, or with a working key of a
     * consumer of {@code type}, bound to {@code boundUscc}, with {@code scopes} (null: the type's defaults).
     */
    record Caller(String name, Access access, ConsumerType type, String boundUscc, List<String> scopes) {

        enum Access {
            NONE,
            UNUSABLE,
            USABLE
        }

        Set<String> grantedScopes() {
            return Set.copyOf(scopes != null ? scopes : type.defaultScopes());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Outcome expected(Operation operation, Caller caller) {
        if (caller.access() == Caller.Access.UNUSABLE) {
            return Outcome.UNAUTHENTICATED;
        }
        if (caller.access() == Caller.Access.NONE) {
            return operation.requirements().contains(Set.of()) ? Outcome.PERMITTED : Outcome.UNAUTHENTICATED;
        }
        // A key is held to the scopes the operation lists; an operation that lists none is open to every key.
        boolean open = operation.requirements().stream().allMatch(Set::isEmpty);
        boolean granted = operation.requirements().stream().anyMatch(scopes -> !scopes.isEmpty() && caller.grantedScopes().containsAll(scopes));
        return open || granted ? Outcome.PERMITTED : Outcome.FORBIDDEN;
    }

    static Stream<Arguments> operationsAndCallers() {
        return OPERATIONS.stream().flatMap(operation -> CALLERS.stream().map(caller -> Arguments.of(operation, caller)));
    }

    static Stream<Operation> refusingOperations() {
        return OPERATIONS.stream().filter(operation -> CALLERS.stream().anyMatch(caller -> expected(operation, caller) != Outcome.PERMITTED));
    }

    @BeforeEach
    void prepare() throws Exception {
        subjects.ensureLoaded();
        synchronized (KEYS) {
            if (KEYS.isEmpty()) {
                createCallers();
                createTargets();
            }
        }
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("operationsAndCallers")
    void shouldAuthenticateAndAuthoriseAsTheContractSays(Operation operation, Caller caller) {
        Response answer = send(operation, caller, pathWith(operation, this::existing), body(operation));
        assertOutcome(expected(operation, caller), answer, operation, caller);
    }

    /**
     * Authorisation is decided before anything of the request is read: path parameters that are
     * all invalid and a body that is not even JSON leave every 401 and 403 as it was.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusingOperations")
    void shouldRefuseBeforeReadingParametersOrBody(Operation operation) {
        for (Caller caller : CALLERS) {
            Outcome expected = expected(operation, caller);
            if (expected != Outcome.PERMITTED) {
                Response answer = send(operation, caller, pathWith(operation, name -> "x"), operation.contentType() == null ? null : "{");
                assertOutcome(expected, answer, operation, caller);
            }
        }
    }

    private static void assertOutcome(Outcome expected, Response answer, Operation operation, Caller caller) {
        String call = operation + " as " + caller + " answered " + answer.statusCode() + ": " + answer.asString();
        switch (expected) {
            case UNAUTHENTICATED -> answer.then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo("Bearer realm=\"opencredit-gateway\""))
                    .body("type", equalTo(PROBLEMS + "unauthenticated"));
            case FORBIDDEN -> answer.then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "forbidden"));
            case PERMITTED -> assertTrue(answer.statusCode() != 401 && answer.statusCode() != 403 && answer.statusCode() < 500, call);
        }
    }

    private static Response send(Operation operation, Caller caller, String path, String body) {
        RequestSpecification request = given();
        if (caller.access() != Caller.Access.NONE) {
            request.header("Authorization", AccessFixtures.bearer(KEYS.get(caller.name())));
        }
        if (body != null) {
            request.contentType(operation.contentType()).body(body);
        }
        return request.when().request(operation.method(), path);
    }

    /** The operation's path with each parameter replaced by {@code value} of its name. */
    private static String pathWith(Operation operation, Function<String, String> value) {
        Matcher parameter = PATH_PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            // An id is named by what it identifies: the segment before it (consumers/{id}, entries/{id} …).
            String segment = operation.path().substring(0, parameter.start() - 1);
            String key = "id".equals(name) ? segment.substring(segment.lastIndexOf('/') + 1) : name;
            parameter.appendReplacement(path, Matcher.quoteReplacement(value.apply(key)));
        }
        return parameter.appendTail(path).toString();
    }

    /**
     * An existing subject, list type or id for a path parameter. A parameter this class does not
     * know (of a new operation) gets a placeholder: a permitted call may then answer 400 or 404,
     * which still is neither 401 nor 403, and the second test shows that refusals do not depend on it.
     */
    private String existing(String parameter) {
        return switch (parameter) {
            case "uscc" -> SubjectFixtures.RICH;
            case "type" -> "red";
            default -> IDS.getOrDefault(parameter, "1");
        };
    }

    /**
     * A valid body: the contract's example, except where it would change what other calls rely on
     * (the consumer example suspends, the list and ingestion examples name another region's subjects
     * and authorities) or where it must name something that exists (a checkpoint).
     */
    private static String body(Operation operation) {
        if (operation.contentType() == null) {
            return null;
        }
        return switch (operation.id()) {
            case "createConsumer" -> "{\"name\":\"矩阵 app\",\"type\":\"app\"}";
            case "updateConsumer" -> "{\"plan\":\"standard\"}";
            case "issueKey" -> "{}";
            case "resolveIngestionFlag" -> "{\"note\":\"授权矩阵测试\"}";
            case "removeListEntry" -> "{\"reason\":\"revoked\",\"note\":\"授权矩阵测试\"}";
            case "includeListEntry" -> json(Map.of("subjectUscc", INCLUDED, "authority", DEPARTMENT_NAME, "authorityUscc", DEPARTMENT_USCC,
                    "reason", "授权矩阵测试", "legalBasis", "《测试办法》第一条"));
            case "ingestRecords" -> penaltyBatch("matrix-ingested", INCLUDED, INCLUDED_NAME);
            case "verifyHistoryCheckpoint" -> checkpoint;
            case "uploadEvidence" -> "%PDF-1.7\n%%EOF\n";
            case "createInspectionPlan" -> json(inspectionPlan("授权矩阵抽查"));
            case "reportInspectionResults" -> json(Map.of("rows", List.of(Map.of("uscc", LISTED, "inspectedOn",
                    LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "outcome", "passed"))));
            default -> operation.example();
        };
    }

    /** One consumer and key per usable caller, with the scopes the code grants; the unusable keys made unusable before any use. */
    private static void createCallers() {
        for (Caller caller : CALLERS) {
            switch (caller.access()) {
                case NONE -> KEYS.put(caller.name(), null);
                case UNUSABLE -> KEYS.put(caller.name(), unusableKey(caller.name()));
                case USABLE -> {
                    String id = createConsumer("矩阵 " + caller.name(), caller.type(), caller.boundUscc(), caller.scopes(), caller.grantedScopes());
                    KEYS.put(caller.name(), issueKey(id).get("key"));
                    if (caller.type() == ConsumerType.BANK) {
                        BANK_ID.set(id);
                    }
                }
            }
        }
    }

    private static String unusableKey(String kind) {
        return switch (kind) {
            case "unknown key" -> "ocg_thisKeyWasNeverIssuedByTheGateway0";
            case "revoked key" -> {
                String id = createConsumer("矩阵 revoked", ConsumerType.APP, null, null, Set.copyOf(ConsumerType.APP.defaultScopes()));
                Map<String, String> key = issueKey(id);
                asOperator().when().delete("/api/v1/admin/consumers/{id}/keys/{keyId}", id, key.get("id")).then().statusCode(204);
                yield key.get("key");
            }
            case "suspended consumer" -> {
                String id = createConsumer("矩阵 suspended", ConsumerType.APP, null, null, Set.copyOf(ConsumerType.APP.defaultScopes()));
                String key = issueKey(id).get("key");
                asOperator().contentType(ContentType.JSON).body("{\"status\":\"suspended\"}").when().patch("/api/v1/admin/consumers/{id}", id)
                        .then().statusCode(200);
                yield key;
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /**
     * What the path parameters name: a consumer with a key, a red-list entry of the matrix
     * department, an ingestion flag, a registration item the matrix department verifies, an
     * integrity check and a signed history checkpoint.
     */
    private void createTargets() throws SQLException {
        String target = createConsumer("矩阵 target", ConsumerType.APP, null, null, Set.copyOf(ConsumerType.APP.defaultScopes()));
        IDS.put("consumers", target);
        IDS.put("keyId", issueKey(target).get("id"));

        subjects.register(LISTED, "石河子授权矩阵测试（一）有限公司");
        subjects.register(INCLUDED, INCLUDED_NAME);
        IDS.put("entries", asOperator().contentType(ContentType.JSON)
                .body(json(Map.of("subjectUscc", LISTED, "authority", DEPARTMENT_NAME, "authorityUscc", DEPARTMENT_USCC, "reason", "授权矩阵测试",
                        "legalBasis", "《测试办法》第一条")))
                .when().post("/api/v1/lists/red/entries").then().statusCode(201).extract().path("id"));

        // A name other than the registered one raises a flag for review.
        asOperator().contentType(ContentType.JSON).body(penaltyBatch("matrix-flagged", LISTED, "石河子授权矩阵测试一公司"))
                .when().post("/api/v1/ingest/records").then().statusCode(200).body("created", equalTo(1));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT id FROM ingestion_flag WHERE source_record_id = 'matrix-flagged'");
                ResultSet flag = select.executeQuery()) {
            assertTrue(flag.next(), "the ingestion flag was raised");
            IDS.put("flags", Long.toString(flag.getLong(1)));
        }

        // A plan of the matrix department that draws every graded subject of its region, LISTED among them: the first permitted
        // report of LISTED's result is taken, the others are the operation's own 409.
        evaluations.awaitQuiet();
        IDS.put("inspection-plans", asOperator().contentType(ContentType.JSON).body(json(inspectionPlan("授权矩阵目标抽查")))
                .when().post("/api/v1/inspection-plans").then().statusCode(201).extract().path("id"));

        // A registration item the matrix department verifies: the test profile routes honours of region 659001 to it.
        String commitment = given().when().get("/api/v1/registrations/commitment-text").then().statusCode(200).extract().path("text");
        IDS.put("registrations", asOperator().contentType(ContentType.JSON)
                .body(json(Map.of("subjectUscc", SubjectFixtures.RICH, "category", "honour", "fields", Map.of("title", "授权矩阵测试荣誉",
                        "awardedBy", DEPARTMENT_NAME, "awardedOn", "2026-01-05"), "commitment", Map.of("text", commitment, "accepted", true))))
                .when().post("/api/v1/registrations").then().statusCode(201).body("departmentUscc", equalTo(DEPARTMENT_USCC)).extract().path("id"));

        // The subject of every call consents to the matrix bank's pulls, signed at the service window; a second consent is the
        // one the consent operations read and revoke, which leaves the first in force.
        consentToTheMatrixBank("矩阵-贷款-0001");
        IDS.put("consents", consentToTheMatrixBank("矩阵-贷款-0002"));

        IDS.put("checks", asOperator().when().post("/api/v1/admin/integrity/checks").then().statusCode(202).extract().path("id"));
        Response signed = asOperator().when().post("/api/v1/admin/history/checkpoints");
        signed.then().statusCode(oneOf(200, 201));
        IDS.put("sequence", signed.path("sequence").toString());
        checkpoint = json(Map.of("sequence", signed.path("sequence"), "hash", signed.path("hash"), "signature", signed.path("signature")));
    }

    private static String consentToTheMatrixBank(String reference) {
        return asOperator().contentType(ContentType.JSON).body(json(Map.of("subjectUscc", SubjectFixtures.RICH, "granteeId", BANK_ID.get(),
                        "purpose", "loan-application", "categories", List.of("profile", "evaluation", "tax"),
                        "validUntil", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(6).toString(), "reference", reference)))
                .when().post("/api/v1/consents").then().statusCode(201).extract().path("id");
    }

    /** Creates the consumer and checks that the API grants it the scopes the expectations are computed from. */
    private static String createConsumer(String name, ConsumerType type, String boundUscc, List<String> scopes, Set<String> granted) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", type.code());
        if (boundUscc != null) {
            body.put("boundUscc", boundUscc);
        }
        if (scopes != null) {
            body.put("scopes", scopes);
        }
        return asOperator().contentType(ContentType.JSON).body(json(body)).when().post("/api/v1/admin/consumers")
                .then().statusCode(201).body("scopes", containsInAnyOrder(granted.toArray())).extract().path("id");
    }

    /** The new key's secret and id. */
    private static Map<String, String> issueKey(String consumerId) {
        Response issued = asOperator().contentType(ContentType.JSON).body("{}").when().post("/api/v1/admin/consumers/{id}/keys", consumerId);
        issued.then().statusCode(201);
        return Map.of("key", issued.path("key"), "id", issued.path("id"));
    }

    private static RequestSpecification asOperator() {
        return given().header("Authorization", AccessFixtures.bearer(AccessFixtures.OPERATOR_KEY));
    }

    /** A food inspection plan of the matrix department over its region, every subject drawn. */
    private static Map<String, Object> inspectionPlan(String title) {
        Map<String, Object> everyone = Map.of("ratio", 1);
        return Map.of("title", title, "departmentUscc", DEPARTMENT_USCC, "departmentName", DEPARTMENT_NAME, "sector", "food",
                "region", SubjectFixtures.REGION, "perGrade", Map.of("A", everyone, "B", everyone, "C", everyone, "D", everyone));
    }

    /** A general penalty of the matrix department, decided three days ago. */
    private static String penaltyBatch(String sourceRecordId, String uscc, String name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sourceRecordId", sourceRecordId);
        row.put("category", "penalty");
        row.put("subjectName", name);
        row.put("subjectUscc", uscc);
        row.put("subjectCategory", "法人及非法人组织");
        row.put("decisionNumber", "石矩罚〔2026〕" + sourceRecordId + "号");
        row.put("title", "行政处罚决定书");
        row.put("decisionDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3).toString());
        row.put("content", "授权矩阵测试");
        row.put("legalBasis", "《测试办法》第一条");
        row.put("severity", "general");
        row.put("amount", "500.00");
        row.put("currency", "CNY");
        row.put("sourceDepartment", DEPARTMENT_NAME);
        row.put("sourceDepartmentUscc", DEPARTMENT_USCC);
        return json(Map.of("rows", List.of(row)));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Without a key; with keys that do not work; one consumer of every type with the scopes its type
     * gets (bound where the type must be, to write or to read its own data); and two whose scopes an
     * operator narrowed: a department that only reads, and an operator that only audits.
     */
    private static List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("anonymous", Caller.Access.NONE, null, null, null));
        callers.add(new Caller("unknown key", Caller.Access.UNUSABLE, null, null, null));
        callers.add(new Caller("revoked key", Caller.Access.UNUSABLE, null, null, null));
        callers.add(new Caller("suspended consumer", Caller.Access.UNUSABLE, null, null, null));
        for (ConsumerType type : ConsumerType.values()) {
            String bound = switch (type) {
                case SUBJECT -> SubjectFixtures.RICH;
                case DEPARTMENT -> DEPARTMENT_USCC;
                default -> null;
            };
            callers.add(new Caller(type.code() + (bound == null ? "" : " bound to " + bound), Caller.Access.USABLE, type, bound, null));
        }
        callers.add(new Caller("unbound department", Caller.Access.USABLE, ConsumerType.DEPARTMENT, null, List.of(Scopes.PUBLIC_READ)));
        callers.add(new Caller("audit-only operator", Caller.Access.USABLE, ConsumerType.OPERATOR, null, List.of(Scopes.AUDIT_READ)));
        return callers;
    }

    /** Every operation of the contract, in its order, with its security requirements as scope sets. */
    @SuppressWarnings("unchecked")
    private static List<Operation> operations() {
        Map<String, Object> contract;
        try {
            contract = new ObjectMapper(new YAMLFactory()).readValue(CONTRACT.toFile(), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException("the contract " + CONTRACT + " could not be read", e);
        }
        List<Map<String, List<String>>> defaultSecurity = (List<Map<String, List<String>>>) contract.getOrDefault("security", List.of(Map.of()));
        List<Operation> operations = new ArrayList<>();
        ((Map<String, Map<String, Object>>) contract.get("paths")).forEach((path, item) -> item.forEach((method, value) -> {
            if (!Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(method)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) value;
            List<Set<String>> requirements = new ArrayList<>();
            for (Map<String, List<String>> requirement : (List<Map<String, List<String>>>) operation.getOrDefault("security", defaultSecurity)) {
                Set<String> scopes = new LinkedHashSet<>();
                requirement.values().forEach(scopes::addAll);
                requirements.add(scopes);
            }
            String contentType = null;
            String example = null;
            Map<String, Object> requestBody = (Map<String, Object>) operation.get("requestBody");
            if (requestBody != null) {
                Map<String, Map<String, Object>> contents = (Map<String, Map<String, Object>>) requestBody.get("content");
                contentType = contents.containsKey("application/json") ? "application/json" : contents.keySet().iterator().next();
                Map<String, Map<String, Object>> examples = (Map<String, Map<String, Object>>) contents.get(contentType).getOrDefault("examples", Map.of());
                Object first = examples.isEmpty() ? null : examples.values().iterator().next().get("value");
                example = first == null || first instanceof String ? (String) first : json(first);
            }
            operations.add(new Operation(method.toUpperCase(Locale.ROOT), path, (String) operation.get("operationId"), requirements,
                    contentType, example));
        }));
        return operations;
    }
}
