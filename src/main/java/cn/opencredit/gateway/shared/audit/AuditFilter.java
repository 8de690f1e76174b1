package cn.opencredit.gateway.shared.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import cn.opencredit.gateway.shared.problem.ProblemDetail;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Callers;
import cn.opencredit.gateway.shared.uscc.Uscc;
import cn.opencredit.gateway.shared.uscc.UsccValidation;
import cn.opencredit.gateway.shared.web.RequestIdFilter;

/**
 * Writes the access-log entry of every call to an {@link Audited} endpoint before its answer
 * leaves. If the entry cannot be written the caller gets a 503 instead of the data: an
 * unlogged read of credit data is worse than a refused one.
 */
@ApplicationScoped
public class AuditFilter {

    public static final String PURPOSE_HEADER = "X-Purpose";
    static final int MAX_PURPOSE_LENGTH = 200;

    private final Map<String, Optional<Audited>> auditedByMethod = new ConcurrentHashMap<>();
    private final AuditLog log;
    private final AuditConfig config;
    private final CurrentIdentityAssociation identities;
    private final Clock clock;

    AuditFilter(AuditLog log, AuditConfig config, CurrentIdentityAssociation identities, Clock clock) {
        this.log = log;
        this.config = config;
        this.identities = identities;
        this.clock = clock;
    }

    /** Null, so that the answer goes out without being suspended, when there is nothing to log. */
    @ServerResponseFilter
    public Uni<Void> audit(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource,
            RoutingContext routing) {
        if (!config.enabled()) {
            return null;
        }
        Audited audited = resource == null || resource.getResourceClass() == null ? null
                : auditedByMethod.computeIfAbsent(resource.getResourceClass().getName() + "#" + resource.getMethodName(),
                        ignored -> Optional.ofNullable(auditedOf(resource))).orElse(null);
        String rawUscc = audited == null ? null : request.getUriInfo().getPathParameters().getFirst("uscc");
        UsccValidation uscc = rawUscc == null ? null : Uscc.validate(rawUscc);
        if (uscc == null || !uscc.isValid()) {
            return null;
        }
        ApiClient known = Callers.known(routing);
        // A caller whose authentication failed is logged too, as unauthenticated.
        Uni<ApiClient> caller = known != null ? Uni.createFrom().item(known) : Callers.resolve(identities);
        return caller
                .chain(client -> log.append(new AuditEntry(OffsetDateTime.now(clock),
                        client == null ? null : client.consumerId(),
                        client == null ? "unauthenticated" : client.name(),
                        client == null ? ApiClient.ANONYMOUS_TYPE : client.type(),
                        client == null ? null : client.keyId(),
                        uscc.normalised(), audited.value(), purpose(request), response.getStatus(),
                        request.getHeaderString(RequestIdFilter.HEADER))))
                .onFailure().recoverWithItem(failure -> {
                    response.setStatus(ProblemType.SERVICE_UNAVAILABLE.status());
                    response.getHeaders().putSingle("Content-Type", ProblemDetail.MEDIA_TYPE);
                    response.setEntity(ProblemDetail.of(ProblemType.SERVICE_UNAVAILABLE,
                            "The access could not be logged, so no data was returned; retry later",
                            request.getUriInfo().getPath(), request.getHeaderString(RequestIdFilter.HEADER), List.of()),
                            null, MediaType.valueOf(ProblemDetail.MEDIA_TYPE));
                    return null;
                });
    }

    private static Audited auditedOf(SimpleResourceInfo resource) {
        try {
            return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes()).getAnnotation(Audited.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static String purpose(ContainerRequestContext request) {
        String purpose = request.getHeaderString(PURPOSE_HEADER);
        if (purpose == null || purpose.isBlank()) {
            return null;
        }
        String stripped = purpose.strip();
        return stripped.length() > MAX_PURPOSE_LENGTH ? stripped.substring(0, MAX_PURPOSE_LENGTH) : stripped;
    }
}
