package cn.opencredit.gateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.Validator;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import io.vertx.openapi.validation.ValidatorException;

/**
 * Checks every answer a test receives from the API against the committed contract
 * {@code openapi/openapi.yaml}, with Vert.x's OpenAPI 3.1 validator: the status must be documented
 * for the operation, the body must match its schema, the documented headers their schemas; and every
 * header the gateway defines itself (RateLimit, X-Request-Id, Location …) must be documented for that
 * status. An answer to a path or method the contract does not have must still be a problem. A
 * mismatch fails the test that received the answer.
 */
public final class ContractValidation implements Filter {

    private static final Path CONTRACT = Path.of("openapi/openapi.yaml");
    /** Headers the gateway sets on purpose; each must be in the contract where it is sent. */
    private static final Set<String> OWN_HEADERS = Set.of("x-request-id", "ratelimit", "ratelimit-policy", "retry-after", "etag",
            "location", "x-cache", "www-authenticate", "allow", "cache-control", "vary");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";

    private static volatile ContractValidation installed;

    private final Vertx vertx = Vertx.vertx();
    private final OpenAPIContract contract;
    private final JsonObject raw;
    private final ResponseValidator validator;
    private final Validator problem;

    private ContractValidation() throws IOException {
        Map<?, ?> document = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(CONTRACT), Map.class);
        raw = new JsonObject(new ObjectMapper().convertValue(document, Map.class));
        // Vert.x takes only absolute server URLs; the tests' answers come from a local one.
        JsonObject copy = forValidator(raw.copy()).put("servers", new io.vertx.core.json.JsonArray().add(new JsonObject().put("url", "http://localhost")));
        contract = await(OpenAPIContract.from(vertx, copy));
        validator = ResponseValidator.create(vertx, contract);
        problem = Validator.create(JsonSchema.of(raw.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem")),
                new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("https://api.opencredit.cn/"));
    }

    /**
     * Adds the validation to every REST Assured request of this JVM, once; not when
     * {@code -Dcontract.validation=off} (bin/openapi, which regenerates the contract being fixed).
     */
    public static synchronized void install() {
        if (installed != null || "off".equals(System.getProperty("contract.validation"))) {
            return;
        }
        try {
            installed = new ContractValidation();
        } catch (IOException e) {
            throw new IllegalStateException("the contract " + CONTRACT + " could not be read", e);
        }
        io.restassured.RestAssured.filters(installed);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected, FilterContext context) {
        Response response = context.next(request, expected);
        String path = pathOf(request);
        if (!path.startsWith("/api/")) {
            return response;
        }
        check(HttpMethod.valueOf(request.getMethod().toUpperCase(Locale.ROOT)), path, response);
        return response;
    }

    private void check(HttpMethod method, String path, Response response) {
        String where = method + " " + path + " answered " + response.statusCode();
        // HEAD is GET without the body (RFC 9110 §9.3.2): the GET operation documents it.
        Operation operation = findOperation(path, method == HttpMethod.HEAD ? HttpMethod.GET : method);
        String contentType = response.contentType() == null || response.contentType().isEmpty() ? null : response.contentType();
        if (operation == null) {
            // A path or method the API does not have: the answer is a problem all the same.
            if (response.statusCode() < 400 || contentType == null || !contentType.startsWith("application/problem+json")) {
                throw new AssertionError(where + " on an operation the contract does not have, without a problem body");
            }
            OutputUnit result = problem.validate(new JsonObject(response.asString()));
            if (!result.getValid()) {
                throw new AssertionError(where + ": the problem body does not match the Problem schema: " + result.getErrors());
            }
            return;
        }
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().forEach(header -> headers.merge(header.getName(), header.getValue(), (a, b) -> a + ", " + b));
        byte[] body = response.asByteArray();
        String validatedType = contentType != null && contentType.startsWith(PROBLEM) ? JSON : contentType;
        if (validatedType != null && validatedType.startsWith(JSON)) {
            headers.put("Content-Type", JSON);
            validatedType = JSON;
        }
        // Vert.x validates JSON bodies only: an answer of another media type (a PDF, where the operation also answers JSON) is
        // held to a documented status and the headers below.
        boolean validatable = validatedType == null || validatedType.startsWith(JSON) || body.length == 0;
        ValidatableResponse actual = body.length == 0 || response.statusCode() == 304 || method == HttpMethod.HEAD
                ? ValidatableResponse.create(response.statusCode(), headers)
                : ValidatableResponse.create(response.statusCode(), headers, Buffer.buffer(body), validatedType);
        try {
            if (method != HttpMethod.HEAD && validatable) {
                await(validator.validate(actual, operation.getOperationId()));
            } else if (operation.getResponse(response.statusCode()) == null && operation.getDefaultResponse() == null) {
                throw new ValidatorException("no response " + response.statusCode() + " is documented", null);
            }
        } catch (ValidatorException e) {
            throw new AssertionError(where + " (" + operation.getOperationId() + "), which the contract does not allow: " + e.getMessage()
                    + "\n" + new String(body, java.nio.charset.StandardCharsets.UTF_8), e);
        }
        List<String> undocumented = new ArrayList<>();
        JsonObject documented = documentedHeaders(operation, response.statusCode());
        for (String name : headers.keySet()) {
            if (OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && documented.fieldNames().stream().noneMatch(name::equalsIgnoreCase)) {
                undocumented.add(name);
            }
        }
        if (!undocumented.isEmpty()) {
            throw new AssertionError(where + " (" + operation.getOperationId() + ") with headers the contract does not document: " + undocumented);
        }
        for (String name : documented.fieldNames()) {
            if (header(documented.getJsonObject(name)).getBoolean("required", false)
                    && headers.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
                throw new AssertionError(where + " (" + operation.getOperationId() + ") without the required header " + name);
            }
        }
    }

    /**
     * Vert.x's validator knows JSON media types by name only: it is given {@code application/problem+json}
     * as {@code application/json} (the schemas are the same), and media types it cannot validate
     * (CSV and XLSX request bodies) are left out of its copy. It also takes a structured header field
     * such as {@code RateLimit} for something to decode, so response headers are checked here instead
     * ({@link #check}): documented, and present when required.
     */
    private static JsonObject forValidator(JsonObject node) {
        for (String name : List.copyOf(node.fieldNames())) {
            Object value = node.getValue(name);
            if (name.equals("headers") && node.containsKey("description") && value instanceof JsonObject) {
                node.remove(name);
            } else if (name.equals("requestBody")) {
                // Answers are validated, not requests; and Vert.x takes no request body of a media type it cannot parse (YAML).
                node.remove(name);
            } else if (name.equals("content") && value instanceof JsonObject content) {
                JsonObject json = new JsonObject();
                content.forEach(entry -> {
                    if (entry.getKey().equals(PROBLEM) || entry.getKey().equals(JSON)) {
                        json.put(JSON, forValidator((JsonObject) entry.getValue()));
                    }
                });
                node.put(name, json);
            } else if (value instanceof JsonObject child) {
                forValidator(child);
            } else if (value instanceof io.vertx.core.json.JsonArray array) {
                array.forEach(item -> {
                    if (item instanceof JsonObject child) {
                        forValidator(child);
                    }
                });
            }
        }
        return node;
    }

    private Operation findOperation(String path, HttpMethod method) {
        try {
            return contract.findOperation(path, method);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The headers the contract gives the operation's answer with this status, its response reference resolved. */
    private JsonObject documentedHeaders(Operation operation, int status) {
        JsonObject responses = raw.getJsonObject("paths").getJsonObject(operation.getOpenAPIPath())
                .getJsonObject(operation.getHttpMethod().name().toLowerCase(Locale.ROOT)).getJsonObject("responses");
        JsonObject response = responses.getJsonObject(Integer.toString(status));
        if (response == null) {
            response = responses.getJsonObject("default", new JsonObject());
        }
        if (response.containsKey("$ref")) {
            String name = response.getString("$ref").substring("#/components/responses/".length());
            response = raw.getJsonObject("components").getJsonObject("responses").getJsonObject(name);
        }
        return response.getJsonObject("headers", new JsonObject());
    }

    /** A header object, its reference to components/headers resolved. */
    private JsonObject header(JsonObject header) {
        if (header.containsKey("$ref")) {
            String name = header.getString("$ref").substring("#/components/headers/".length());
            return raw.getJsonObject("components").getJsonObject("headers").getJsonObject(name);
        }
        return header;
    }

    private static String pathOf(FilterableRequestSpecification request) {
        String uri = request.getURI();
        int start = uri.indexOf("://");
        int pathStart = start < 0 ? 0 : uri.indexOf('/', start + 3);
        if (pathStart < 0) {
            return "/";
        }
        int query = uri.indexOf('?', pathStart);
        String raw = query < 0 ? uri.substring(pathStart) : uri.substring(pathStart, query);
        try {
            return java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the OpenAPI validator did not answer", e);
        }
    }
}
