package cn.opencredit.gateway.shared.problem;

import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleObjectStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import cn.opencredit.gateway.shared.environment.WrongEnvironmentKeyException;
import cn.opencredit.gateway.shared.security.ApiKeyAuthenticationMechanism;
import cn.opencredit.gateway.shared.security.Scopes;
import cn.opencredit.gateway.shared.security.TooManyFailedAuthenticationsException;
import cn.opencredit.gateway.shared.web.RequestIdFilter;

/**
 * The one place that turns failures into {@code application/problem+json}. Nothing else builds an
 * error body, so every error has the same shape and none leaks a stack trace or SQL text.
 */
public class ProblemExceptionMappers {

    /** The name every resource gives its request-body parameter. */
    public static final String BODY_PARAMETER = "body";

    private final AllowedMethods allowedMethods;
    private final CurrentIdentityAssociation identities;

    ProblemExceptionMappers(AllowedMethods allowedMethods, CurrentIdentityAssociation identities) {
        this.allowedMethods = allowedMethods;
        this.identities = identities;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpServerRequest request) {
        if (e.type().status() >= 500) {
            Log.errorf("%d %s on %s %s [request %s]: %s", e.type().status(), e.type().code(), request.method(), uri.getPath(),
                    requestId(request), e.detail());
        }
        Response response = build(ProblemDetail.of(e.type(), e.detail(), uri.getPath(), requestId(request), e.errors(), e.eligibleFrom()));
        return e.retryAfterSeconds() <= 0 ? response
                : Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri, HttpServerRequest request) {
        List<FieldError> errors = new ArrayList<>();
        boolean bodyViolation = false;
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String field = fieldName(violation.getPropertyPath());
            bodyViolation |= isBody(violation.getPropertyPath());
            errors.add(new FieldError(field, kebab(violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()),
                    violation.getMessage()));
        }
        errors.sort(java.util.Comparator.comparing(FieldError::field));
        ProblemType type = bodyViolation ? ProblemType.VALIDATION_FAILED : ProblemType.INVALID_PARAMETER;
        return respond(type, errors.size() == 1 ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " inputs are invalid", errors, uri, request);
    }

    @ServerExceptionMapper({ UnrecognizedPropertyException.class, InvalidFormatException.class, MismatchedInputException.class })
    public Response bodyMapping(JsonMappingException e, UriInfo uri, HttpServerRequest request) {
        if (e.getCause() instanceof ProblemException problem) {
            return problem(atBodyPath(problem, jsonPath(e)), uri, request);
        }
        String field = jsonPath(e);
        String code = e instanceof UnrecognizedPropertyException ? "unknown-field" : "wrong-type";
        String message = e instanceof UnrecognizedPropertyException ? "Unknown field" : "Value has the wrong type or format";
        return respond(ProblemType.VALIDATION_FAILED, field + ": " + message, List.of(new FieldError(field, code, message)), uri, request);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri, HttpServerRequest request) {
        if (e.getCause() instanceof ProblemException problem) {
            return problem(e instanceof JsonMappingException mapping ? atBodyPath(problem, jsonPath(mapping)) : problem, uri, request);
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith(DUPLICATE_FIELD)) {
            return respond(ProblemType.MALFORMED_BODY, "The request body names a field twice" + where + ": "
                    + message.substring(DUPLICATE_FIELD.length()).strip(), List.of(), uri, request);
        }
        return respond(ProblemType.MALFORMED_BODY, "The request body is not valid JSON" + where, List.of(), uri, request);
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpServerRequest request) {
        if (e.getCause() instanceof TooManyFailedAuthenticationsException tooMany) {
            // The address caused too many failed authentications; no key is looked up until it may try again.
            return Response.fromResponse(respond(ProblemType.RATE_LIMITED, tooMany.refusal().detail(), List.of(), uri, request))
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.refusal().retryAfterSeconds())).build();
        }
        if (e.getCause() instanceof WrongEnvironmentKeyException wrong) {
            return Response.fromResponse(respond(wrong.type(), wrong.getMessage(), List.of(), uri, request))
                    .header(HttpHeaders.WWW_AUTHENTICATE, ApiKeyAuthenticationMechanism.CHALLENGE).build();
        }
        String detail = e instanceof AuthenticationFailedException && e.getMessage() != null
                ? "Authentication failed: " + e.getMessage()
                : "This resource needs an API key: send Authorization: Bearer <key>";
        return Response.fromResponse(respond(ProblemType.UNAUTHENTICATED, detail, List.of(), uri, request))
                .header(HttpHeaders.WWW_AUTHENTICATE, ApiKeyAuthenticationMechanism.CHALLENGE).build();
    }

    /** A caller without a key who reaches a keyed endpoint is unauthenticated (401), not forbidden. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpServerRequest request) {
        // The role check that threw has resolved the identity already, so reading it does not block.
        SecurityIdentity identity = identities.getIdentity();
        if (identity.isAnonymous() || identity.hasRole(Scopes.ANONYMOUS)) {
            return unauthenticated(new UnauthorizedException(), uri, request);
        }
        String detail = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage()
                : "The API key does not carry the scope this resource needs";
        return respond(ProblemType.FORBIDDEN, detail, List.of(), uri, request);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpServerRequest request) {
        ProblemException cause = problemCause(e);
        if (cause != null) {
            return problem(cause, uri, request);
        }
        if (allowedMethods.refuses(uri.getPath(), request.method().name())) {
            // The router answers 404 when a path's resources sit in different classes (a class whose
            // path is a prefix of another's) and none takes the method; the path exists, the method does not.
            return methodNotAllowed(uri, request);
        }
        return respond(ProblemType.NOT_FOUND, "No resource at " + uri.getPath(), List.of(), uri, request);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri, HttpServerRequest request) {
        return methodNotAllowed(uri, request);
    }

    private Response methodNotAllowed(UriInfo uri, HttpServerRequest request) {
        Response response = respond(ProblemType.METHOD_NOT_ALLOWED, request.method() + " is not supported on " + uri.getPath(),
                List.of(), uri, request);
        String allow = allowedMethods.allowHeader(uri.getPath());
        return allow == null ? response : Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri, HttpServerRequest request) {
        return respond(ProblemType.NOT_ACCEPTABLE, "This resource is available as application/json only", List.of(), uri, request);
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uri, HttpServerRequest request) {
        return respond(ProblemType.UNSUPPORTED_MEDIA_TYPE, "This operation does not take a body of this media type; its requestBody in the OpenAPI document lists those it takes", List.of(), uri, request);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpServerRequest request) {
        // A body that did not read: the JSON path says where, also when a value object refused its value.
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof JsonMappingException mapping && !(json.getCause() instanceof ProblemException)
                    && mapping.getPath() != null && !mapping.getPath().isEmpty()
                    ? bodyMapping(mapping, uri, request) : malformedJson(json, uri, request);
        }
        ProblemException cause = problemCause(e);
        if (cause != null) {
            return problem(cause, uri, request);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 400 -> ProblemType.INVALID_PARAMETER;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 409 -> ProblemType.CONFLICT;
            case 429 -> ProblemType.RATE_LIMITED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemType.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.INVALID_PARAMETER;
        };
        return respond(type, type.title(), List.of(), uri, request);
    }

    /** Two operators changed the same thing at once; the later one reads again and retries. */
    @ServerExceptionMapper({ OptimisticLockException.class, StaleObjectStateException.class })
    public Response concurrentChange(RuntimeException e, UriInfo uri, HttpServerRequest request) {
        return respond(ProblemType.CONFLICT, "The resource was changed concurrently; read it again and retry", List.of(), uri, request);
    }

    /**
     * PostgreSQL unreachable, overloaded, shutting down, or a transaction that lost a race (classes
     * 08, 53, 57, 40), a connection lost in the middle of a statement (closed or reset) or refused when
     * opened (a restart of PostgreSQL gives all of them within a second), and timeouts: 503, a retry may
     * succeed. Any other PostgreSQL error means the gateway sent something it should have refused
     * earlier: 500, a retry will not help.
     */
    @ServerExceptionMapper({ PgException.class, TimeoutException.class, io.vertx.core.impl.NoStackTraceThrowable.class,
            ClosedConnectionException.class, SocketException.class })
    public Response unavailable(Throwable e, UriInfo uri, HttpServerRequest request) {
        String requestId = requestId(request);
        if (e instanceof PgException pg && pg.getSqlState() != null && !TRANSIENT_SQL_STATES.contains(pg.getSqlState().substring(0, 2))) {
            Log.errorf(e, "Data store refused a statement on %s %s [request %s]: SQLSTATE %s", request.method(), uri.getPath(), requestId,
                    pg.getSqlState());
            return build(ProblemDetail.of(ProblemType.INTERNAL_ERROR, "An unexpected error occurred; quote the request id to support",
                    uri.getPath(), requestId, List.of()));
        }
        Log.errorf(e, "Data store failure on %s %s [request %s]", request.method(), uri.getPath(), requestId);
        return Response.fromResponse(build(ProblemDetail.of(ProblemType.SERVICE_UNAVAILABLE, "The data store is temporarily unavailable; retry later",
                uri.getPath(), requestId, List.of()))).header(HttpHeaders.RETRY_AFTER, "1").build();
    }

    /** How Jackson's strict duplicate detection starts its message; the rest is the field's name. */
    private static final String DUPLICATE_FIELD = "Duplicate field";

    /** SQLSTATE classes of failures that pass: connection, insufficient resources, operator intervention, transaction rollback. */
    private static final java.util.Set<String> TRANSIENT_SQL_STATES = java.util.Set.of("08", "53", "57", "40");

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpServerRequest request) {
        ProblemException cause = problemCause(e);
        if (cause != null) {
            return problem(cause, uri, request);
        }
        String requestId = requestId(request);
        if (request.response().ended()) {
            // The HTTP layer has answered already: a chunked body over the size limit gets its 413
            // and the read that was under way fails. Nothing is left to answer, and nothing went wrong.
            Log.debugf("%s %s [request %s] was answered by the HTTP layer before the endpoint ended: %s", request.method(), uri.getPath(),
                    requestId, e.toString());
            return null;
        }
        Log.errorf(e, "Unhandled failure on %s %s [request %s]", request.method(), uri.getPath(), requestId);
        return build(ProblemDetail.of(ProblemType.INTERNAL_ERROR, "An unexpected error occurred; quote the request id to support",
                uri.getPath(), requestId, List.of()));
    }

    /** A value object that refused its JSON names itself generically; the body path says where it was. */
    private static ProblemException atBodyPath(ProblemException problem, String path) {
        List<FieldError> errors = problem.errors().stream()
                .map(error -> new FieldError(path, error.code(), error.message(), error.expected())).toList();
        return new ProblemException(problem.type(), problem.detail(), errors);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Response respond(ProblemType type, String detail, List<FieldError> errors, UriInfo uri, HttpServerRequest request) {
        return build(ProblemDetail.of(type, detail, uri.getPath(), requestId(request), errors));
    }

    private static Response build(ProblemDetail problem) {
        return Response.status(problem.status()).type(ProblemDetail.MEDIA_TYPE).entity(problem).build();
    }

    /** Parameter converters may be wrapped by the framework (e.g. a path parameter failure into a 404). */
    private static ProblemException problemCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
        }
        return null;
    }

    /** RequestIdFilter has set the header on every request that reached the application. */
    private static String requestId(HttpServerRequest request) {
        String id = request.getHeader(RequestIdFilter.HEADER);
        return id != null ? id : UUID.randomUUID().toString();
    }

    /**
     * A violation inside a parameter (a field of it, an element of its list) is about the request
     * body, whatever the resource named that parameter: path and query parameters are single values.
     * A violation on the parameter itself is about the body only when it is named {@code body}.
     */
    private static boolean isBody(Path path) {
        boolean parameter = false;
        for (Path.Node node : path) {
            if (parameter) {
                return true;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                if (BODY_PARAMETER.equals(node.getName())) {
                    return true;
                }
                parameter = true;
            }
        }
        return !parameter;
    }

    /**
     * {@code create.body.name} and {@code submit.request.name} become {@code name};
     * {@code feedback.request.items.<list element>[0]} becomes {@code items[0]}; {@code search.limit} stays {@code limit}.
     */
    private static String fieldName(Path path) {
        List<String> parts = new ArrayList<>();
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean bodyParameter = node.getKind() == ElementKind.PARAMETER && (BODY_PARAMETER.equals(node.getName()) || i + 1 < nodes.size());
            if (node.getKind() == ElementKind.METHOD || bodyParameter) {
                continue;
            }
            String part = node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null ? "" : node.getName();
            parts.add(node.getIndex() == null ? part : part + "[" + node.getIndex() + "]");
        }
        String field = String.join(".", parts).replace(".[", "[");
        return field.isEmpty() ? BODY_PARAMETER : field;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
