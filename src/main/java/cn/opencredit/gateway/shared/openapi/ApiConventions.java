package cn.opencredit.gateway.shared.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Discriminator;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import cn.opencredit.gateway.shared.paging.PageRequest;

/**
 * What is true of every operation of the API, written into the OpenAPI document once instead of on
 * each resource method: every answer carries {@code X-Request-Id} and {@code Cache-Control}, and may
 * carry the RateLimit fields; every operation may answer 400 (a malformed URI), 401, 403, 406, 414,
 * 429, 500 and 503 as problems, and 431 (from the HTTP layer, without a body); every request may send {@code X-Request-Id}. It also gives the
 * change feed's items a schema per kind, which annotations cannot express.
 */
public class ApiConventions implements OASFilter {

    private static final String API = "/api/";
    private static final Map<String, String> ALWAYS_POSSIBLE = new LinkedHashMap<>();
    /** Answered by the HTTP layer before any of the gateway runs: no body, none of the usual headers. */
    private static final String HEADERS_TOO_LARGE = "HeaderFieldsTooLarge";

    static {
        ALWAYS_POSSIBLE.put("400", "BadRequest");
        ALWAYS_POSSIBLE.put("401", "Unauthenticated");
        ALWAYS_POSSIBLE.put("403", "Forbidden");
        ALWAYS_POSSIBLE.put("406", "NotAcceptable");
        ALWAYS_POSSIBLE.put("414", "UriTooLong");
        ALWAYS_POSSIBLE.put("429", "RateLimited");
        ALWAYS_POSSIBLE.put("431", HEADERS_TOO_LARGE);
        ALWAYS_POSSIBLE.put("500", "InternalError");
        ALWAYS_POSSIBLE.put("503", "Unavailable");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> {
                if (path.startsWith(API)) {
                    item.getOperations().values().forEach(this::conventions);
                }
            });
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getResponses() != null) {
            openAPI.getComponents().getResponses().forEach((name, response) -> {
                if (!name.equals(HEADERS_TOO_LARGE)) {
                    headers(response);
                }
            });
        }
        changeKinds(openAPI);
        usccAsText(openAPI);
    }

    /**
     * The USCC value type is written as JSON text ({@code @JsonValue}); the scanner names its schema
     * but leaves it a reference to itself, which no client can resolve.
     */
    private static void usccAsText(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null
                && openAPI.getComponents().getSchemas().containsKey("Uscc")) {
            openAPI.getComponents().addSchema("Uscc", OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(18).maxLength(64)
                    .description("统一社会信用代码 (GB 32100-2015): 18 characters of 0-9 and A-Z without I, O, S, V and Z. As sent, surrounding "
                            + "space, full-width characters and lower case are forgiven; both check characters are verified")
                    .examples(List.of("914403001922038216")));
        }
    }

    /**
     * The bounds the server enforces on parameters that many operations share, by name, so that a
     * client validating against the contract sends only what the server takes.
     */
    private static void bounds(Parameter parameter) {
        if (parameter.getName() == null || parameter.getSchema() == null || parameter.getIn() != Parameter.In.QUERY) {
            return;
        }
        Schema schema = parameter.getSchema();
        switch (parameter.getName()) {
            case "cursor", "after" -> schema.maxLength(PageRequest.MAX_CURSOR_LENGTH);
            case "q" -> schema.maxLength(100);
            case "region" -> schema.pattern("^([0-9]{2}|[0-9]{4}|[0-9]{6})$");
            // A date unless the parameter says otherwise: month ranges (YYYY-MM) carry their own pattern.
            case "from", "to", "includedFrom", "includedTo" -> {
                if (schema.getPattern() == null) {
                    schema.format("date");
                }
            }
            default -> {
            }
        }
    }

    private void conventions(Operation operation) {
        if (operation.getSecurity() != null) {
            operation.setSecurity(alternatives(operation.getSecurity()));
        }
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(ApiConventions::bounds);
        }
        boolean declared = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "X-Request-Id".equalsIgnoreCase(p.getName()));
        if (!declared) {
            operation.addParameter(OASFactory.createParameter().ref("XRequestId"));
        }
        APIResponses responses = operation.getResponses();
        ALWAYS_POSSIBLE.forEach((status, ref) -> {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(ref));
            }
        });
        if (operation.getRequestBody() != null) {
            if (responses.getAPIResponse("413") == null) {
                responses.addAPIResponse("413", OASFactory.createAPIResponse().ref("PayloadTooLarge"));
            }
            if (responses.getAPIResponse("415") == null) {
                responses.addAPIResponse("415", OASFactory.createAPIResponse().ref("UnsupportedMediaType"));
            }
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (response.getRef() == null) {
                headers(response);
                if (status.equals("201") || status.equals("202")) {
                    addHeader(response, "Location", "Location");
                }
            }
        });
    }

    /**
     * Repeated {@code @SecurityRequirement} annotations are scanned one by one and once more merged
     * into one requirement naming all their scopes, which would mean that all are needed. Any one of
     * them is: a requirement that asks for more than another one of the same scheme is dropped.
     */
    private static List<SecurityRequirement> alternatives(List<SecurityRequirement> requirements) {
        List<SecurityRequirement> kept = new ArrayList<>();
        for (SecurityRequirement requirement : requirements) {
            boolean implied = requirements.stream().anyMatch(other -> other != requirement && weaker(other, requirement));
            if (!implied && kept.stream().noneMatch(requirement::equals)) {
                kept.add(requirement);
            }
        }
        return kept;
    }

    /** Whether {@code weaker} asks for a strict subset of what {@code stronger} asks for, scheme by scheme. */
    private static boolean weaker(SecurityRequirement weaker, SecurityRequirement stronger) {
        Map<String, List<String>> less = weaker.getSchemes() == null ? Map.of() : weaker.getSchemes();
        Map<String, List<String>> more = stronger.getSchemes() == null ? Map.of() : stronger.getSchemes();
        if (less.isEmpty() || !more.keySet().containsAll(less.keySet()) || less.equals(more)) {
            return false;
        }
        return less.entrySet().stream().allMatch(scheme -> more.get(scheme.getKey()).containsAll(scheme.getValue()));
    }

    /** The headers every answer has or may have; a response that names one already keeps its own. */
    private static void headers(APIResponse response) {
        addHeader(response, "X-Request-Id", "XRequestId");
        addHeader(response, "Cache-Control", "CacheControl");
        addHeader(response, "RateLimit-Policy", "RateLimitPolicy");
        addHeader(response, "RateLimit", "RateLimit");
        addHeader(response, "Vary", "Vary");
    }

    private static void addHeader(APIResponse response, String name, String ref) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref(ref));
        }
    }

    /**
     * The change feed's {@code Change} becomes one of three shapes, told apart by {@code kind}: a
     * subject change carries a SubjectSummary, a record change a CreditRecord, a list change a
     * ListEntry. A single object with a {@code oneOf} data would let one item match several shapes.
     */
    private static void changeKinds(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema change = openAPI.getComponents().getSchemas().get("Change");
        if (change == null || change.getProperties() == null) {
            return;
        }
        Map<String, String> dataByKind = Map.of("subject", "SubjectSummary", "record", "CreditRecord", "list-entry", "ListEntry");
        Map<String, String> variantByKind = Map.of("subject", "SubjectChange", "record", "RecordChange", "list-entry", "ListEntryChange");
        Discriminator discriminator = OASFactory.createDiscriminator().propertyName("kind");
        List<Schema> variants = new ArrayList<>();
        for (String kind : List.of("subject", "record", "list-entry")) {
            Schema variant = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .description("A change of kind `" + kind + "`; `data` is the row's public " + dataByKind.get(kind)
                            + ", absent when `op` is `unpublished`")
                    .required(change.getRequired());
            change.getProperties().forEach((name, property) -> {
                if (name.equals("kind")) {
                    variant.addProperty(name, OASFactory.createSchema().addType(Schema.SchemaType.STRING).constValue(kind));
                } else if (name.equals("data")) {
                    variant.addProperty(name, OASFactory.createSchema().ref(dataByKind.get(kind)).description(property.getDescription()));
                } else {
                    variant.addProperty(name, property);
                }
            });
            openAPI.getComponents().addSchema(variantByKind.get(kind), variant);
            discriminator.addMapping(kind, "#/components/schemas/" + variantByKind.get(kind));
            variants.add(OASFactory.createSchema().ref(variantByKind.get(kind)));
        }
        openAPI.getComponents().addSchema("Change", OASFactory.createSchema()
                .description(change.getDescription() + "; its shape depends on `kind`")
                .oneOf(variants).discriminator(discriminator));
        // Each shape names its kind itself now.
        openAPI.getComponents().removeSchema("ChangeKind");
    }
}
