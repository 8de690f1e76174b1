package cn.opencredit.gateway.shared.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.vertx.ext.web.RoutingContext;

import cn.opencredit.gateway.shared.problem.ProblemAnswers;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Callers;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.uscc.UsccValidation;
import cn.opencredit.gateway.shared.web.RequestIdFilter;

/**
 * Writes the log entry of every call to an {@link Audited} endpoint (to the subject's access log)
 * or an {@link AuditedBulk} one (to the operations log) before its answer leaves. If the entry
 * cannot be written the caller gets a 503 instead of the data: an unlogged read of credit data is
 * worse than a refused one.
 */
@ApplicationScoped
public class AuditFilter {

    public static final String PURPOSE_HEADER = "X-Purpose";
    static final int MAX_PURPOSE_LENGTH = 200;
    static final int MAX_FILTER_LENGTH = 200;

    /** What an endpoint is logged as: one of the two annotations, or neither. */
    private record Logged(Audited subject, AuditedBulk bulk) {

        static final Logged NONE = new Logged(null, null);
    }

    private final Map<String, Logged> loggedByMethod = new ConcurrentHashMap<>();
    private final AuditLog log;
    private final AuditConfig config;
    private final CurrentIdentityAssociation identities;
    private final ObjectMapper json;
    private final Clock clock;

    AuditFilter(AuditLog log, AuditConfig config, CurrentIdentityAssociation identities, ObjectMapper json, Clock clock) {
        this.log = log;
        this.config = config;
        this.identities = identities;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Holds the answer until its entry is committed; returns at once, without suspending it, when
     * there is nothing to log.
     */
    @ServerResponseFilter
    public void audit(ResteasyReactiveContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource,
            RoutingContext routing) {
        if (!config.enabled() || resource == null || resource.getResourceClass() == null) {
            return;
        }
        Logged logged = loggedByMethod.computeIfAbsent(resource.getResourceClass().getName() + "#" + resource.getMethodName(),
                ignored -> loggedOf(resource));
        if (logged.subject() != null) {
            String rawUscc = request.getUriInfo().getPathParameters().getFirst("uscc");
            UsccValidation uscc = rawUscc == null ? null : Uscc.validate(rawUscc);
            if (uscc == null || !uscc.isValid()) {
                return;
            }
            ConsentedRead consented = routing == null ? null : routing.get(ConsentedRead.ATTRIBUTE);
            written(request, response, routing, client -> log.write(new AuditEntry(OffsetDateTime.now(clock),
                    client == null ? null : client.consumerId(), name(client), type(client), client == null ? null : client.keyId(),
                    uscc.normalised(), logged.subject().value(), consented != null ? consented.purpose() : purpose(request),
                    response.getStatus(), request.getHeaderString(RequestIdFilter.HEADER), consented == null ? null : consented.consentId(),
                    consented == null ? null : consented.disclosed())));
            return;
        }
        if (logged.bulk() != null) {
            String filters = filters(request);
            Integer items = items(response);
            written(request, response, routing, client -> log.write(new OperationEntry(OffsetDateTime.now(clock),
                    client == null ? null : client.consumerId(), name(client), type(client), client == null ? null : client.keyId(),
                    logged.bulk().value(), filters, items, response.getStatus(), request.getHeaderString(RequestIdFilter.HEADER))));
        }
    }

    /**
     * Suspends the answer, writes the caller's entry and resumes the answer once it is committed, or
     * with a 503 in its place when it cannot be. Suspended by hand rather than by returning a
     * {@code Uni}, which would build a reactive pipeline (with context propagation around each of its
     * steps) for every logged call (docs/benchmarks.md, nineteenth sitting). A caller whose
     * authentication failed is logged too, as unauthenticated.
     */
    private void written(ResteasyReactiveContainerRequestContext request, ContainerResponseContext response, RoutingContext routing,
            Function<ApiClient, CompletionStage<Void>> write) {
        request.suspend();
        ApiClient known = Callers.known(routing);
        if (known != null) {
            committed(request, response, write, known);
            return;
        }
        Callers.resolve(identities).subscribe().with(client -> committed(request, response, write, client),
                failure -> unlogged(request, response, failure));
    }

    private static void committed(ResteasyReactiveContainerRequestContext request, ContainerResponseContext response,
            Function<ApiClient, CompletionStage<Void>> write, ApiClient client) {
        CompletionStage<Void> committed;
        try {
            committed = write.apply(client);
        } catch (RuntimeException e) {
            unlogged(request, response, e);
            return;
        }
        committed.whenComplete((ignored, failure) -> {
            if (failure != null) {
                unlogged(request, response, failure);
            } else {
                request.resume();
            }
        });
    }

    /** The answer replaced by a 503: an unlogged read of credit data is worse than a refused one. */
    private static void unlogged(ResteasyReactiveContainerRequestContext request, ContainerResponseContext response, Throwable failure) {
        Log.errorf("503 on %s %s [request %s]: the log entry could not be written (%s)", request.getMethod(),
                request.getUriInfo().getPath(), request.getHeaderString(RequestIdFilter.HEADER), failure.toString());
        ProblemAnswers.replace(response, ProblemAnswers.unlogged(), request.getUriInfo().getPath(),
                request.getHeaderString(RequestIdFilter.HEADER));
        request.resume();
    }

    private static String name(ApiClient client) {
        return client == null ? "unauthenticated" : client.name();
    }

    private static String type(ApiClient client) {
        return client == null ? ApiClient.ANONYMOUS_TYPE : client.type();
    }

    private static Logged loggedOf(SimpleResourceInfo resource) {
        try {
            var method = resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
            return new Logged(method.getAnnotation(Audited.class), method.getAnnotation(AuditedBulk.class));
        } catch (NoSuchMethodException e) {
            return Logged.NONE;
        }
    }

    /**
     * The path and query parameters as a JSON object, each value cut to {@value #MAX_FILTER_LENGTH}
     * characters and with control characters replaced, so that whatever a caller sends is logged
     * (PostgreSQL's jsonb refuses U+0000).
     */
    private String filters(ContainerRequestContext request) {
        Map<String, Object> filters = new TreeMap<>();
        put(filters, request.getUriInfo().getPathParameters());
        put(filters, request.getUriInfo().getQueryParameters());
        try {
            return json.writeValueAsString(filters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    private static void put(Map<String, Object> filters, MultivaluedMap<String, String> parameters) {
        parameters.forEach((name, values) -> {
            List<String> cleaned = values.stream().map(AuditFilter::clean).toList();
            filters.put(clean(name), cleaned.size() == 1 ? cleaned.getFirst() : cleaned);
        });
    }

    private static String clean(String value) {
        String cut = value.length() > MAX_FILTER_LENGTH ? value.substring(0, MAX_FILTER_LENGTH) : value;
        StringBuilder cleaned = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> cleaned.appendCodePoint(Character.isISOControl(c) ? 0xFFFD : c));
        return cleaned.toString();
    }

    /** The items the answer carries: a page's items, one for any other answer with a body, none for an error. */
    private static Integer items(ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (response.getStatus() >= 300 || entity == null) {
            return null;
        }
        return entity instanceof Counted counted ? counted.itemCount() : 1;
    }

    private static String purpose(ContainerRequestContext request) {
        String purpose = Optional.ofNullable(request.getHeaderString(PURPOSE_HEADER)).map(String::strip).orElse("");
        if (purpose.isEmpty()) {
            return null;
        }
        return purpose.length() > MAX_PURPOSE_LENGTH ? purpose.substring(0, MAX_PURPOSE_LENGTH) : purpose;
    }
}
