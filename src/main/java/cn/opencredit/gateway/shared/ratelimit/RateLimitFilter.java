package cn.opencredit.gateway.shared.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.ApiClientLookup;
import cn.opencredit.gateway.shared.security.Callers;

/**
 * One limiter decision per API call, against the caller's plan: keyed consumers per consumer,
 * anonymous callers per client address. Every answer carries the RateLimit headers; a refusal
 * is a 429 problem with {@code Retry-After}. Calls whose key fails authentication are not
 * counted against a plan: authentication counts them against the caller's address
 * ({@link FailedAuthenticationLimit}), and they are answered 401 by the endpoint's role check, or
 * 429 once the address has failed too often.
 */
@ApplicationScoped
public class RateLimitFilter {

    static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    private final RateLimiter limiter;
    private final ApiClientLookup clients;
    private final CurrentIdentityAssociation identities;
    private final RateLimitConfig config;

    RateLimitFilter(RateLimiter limiter, ApiClientLookup clients, CurrentIdentityAssociation identities, RateLimitConfig config) {
        this.limiter = limiter;
        this.clients = clients;
        this.identities = identities;
        this.config = config;
    }

    /** Null, so that the call goes on without being suspended, when the decision could be taken in memory. */
    @ServerRequestFilter
    public Uni<Void> limit(ContainerRequestContext request, RoutingContext routing) {
        if (!config.enabled()) {
            return null;
        }
        ApiClient client = Callers.known(routing);
        if (client == null) {
            return Callers.resolve(identities).chain(resolved -> resolved == null ? Uni.createFrom().voidItem()
                    : applied(request, limiter.acquire(resolved.rateKey(), clients.ratePlan(resolved.plan()))));
        }
        RatePlan plan = clients.ratePlan(client.plan());
        RateDecision now = limiter.decideNow(client.rateKey(), plan);
        if (now == null) {
            return applied(request, limiter.await(client.rateKey(), plan));
        }
        apply(request, now);
        return null;
    }

    private static Uni<Void> applied(ContainerRequestContext request, Uni<RateDecision> decision) {
        return decision.invoke(taken -> apply(request, taken)).replaceWithVoid();
    }

    private static void apply(ContainerRequestContext request, RateDecision decision) {
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            throw decision.rejection();
        }
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateDecision decision) {
            response.getHeaders().putSingle(RateDecision.RATE_LIMIT_POLICY, decision.rateLimitPolicyHeader());
            response.getHeaders().putSingle(RateDecision.RATE_LIMIT, decision.rateLimitHeader());
            if (!decision.allowed()) {
                response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            }
        }
    }
}
