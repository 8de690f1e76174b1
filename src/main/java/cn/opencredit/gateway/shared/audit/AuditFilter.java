package cn.opencredit.gateway.shared.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
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

    /** Null, so that the answer goes out without being suspended, when there is nothing to log. */
    @ServerResponseFilter
    public Uni<Void> audit(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource,
            RoutingContext routing) {
        if (!config.enabled() || resource == null || resource.getResourceClass() == null) {
            return null;
        }
        Logged logged = loggedByMethod.computeIfAbsent(resource.getResourceClass().getName() + "#" + resource.getMethodName(),
                ignored -> loggedOf(resource));
        if (logged.subject() != null) {
            String rawUscc = request.getUriInfo().getPathParameters().getFirst("uscc");
            UsccValidation uscc = rawUscc == null ? null : Uscc.validate(rawUscc);
            if (uscc == null || !uscc.isValid()) {
                return null;
            }
            ConsentedRead consented = routing == null ? null : routing.get(ConsentedRead.ATTRIBUTE);
            return written(request, response, caller(routing).chain(client -> log.append(new AuditEntry(OffsetDateTime.now(clock),
                    client == null ? null : client.consumerId(), name(client), type(client), client == null ? null : client.keyId(),
                    uscc.normalised(), logged.subject().value(), consented != null ? consented.purpose() : purpose(request),
                    response.getStatus(), request.getHeaderString(RequestIdFilter.HEADER), consented == null ? null : consented.consentId(),
                    consented == null ? null : consented.disclosed()))));
        }
        if (logged.bulk() != null) {
            String filters = filters(request);
            Integer items = items(response);
            return written(request, response, caller(routing).chain(client -> log.append(new OperationEntry(OffsetDateTime.now(clock),
                    client == null ? null : client.consumerId(), name(client), type(client), client == null ? null : client.keyId(),
                    logged.bulk().value(), filters, items, response.getStatus(), request.getHeaderString(RequestIdFilter.HEADER)))));
        }
        return null;
    }

    /** A caller whose authentication failed is logged too, as unauthenticated. */
    private Uni<ApiClient> caller(RoutingContext routing) {
        ApiClient known = Callers.known(routing);
        return known != null ? Uni.createFrom().item(known) : Callers.resolve(identities);
    }

    private static String name(ApiClient client) {
        return client == null ? "unauthenticated" : client.name();
    }

    private static String type(ApiClient client) {
        return client == null ? ApiClient.ANONYMOUS_TYPE : client.type();
    }

    private static Uni<Void> written(ContainerRequestContext request, ContainerResponseContext response, Uni<Void> append) {
        return append.onFailure().recoverWithItem(failure -> {
            Log.errorf("503 on %s %s [request %s]: the log entry could not be written (%s)", request.getMethod(),
                    request.getUriInfo().getPath(), request.getHeaderString(RequestIdFilter.HEADER), failure.toString());
            ProblemAnswers.replace(response, ProblemAnswers.unlogged(), request.getUriInfo().getPath(),
                    request.getHeaderString(RequestIdFilter.HEADER));
            return null;
        });
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
