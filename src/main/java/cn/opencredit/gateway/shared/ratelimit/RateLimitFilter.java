package cn.opencredit.gateway.shared.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.quarkus.security.identity.CurrentIdentityAssociation;
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

    /**
     * Decides in memory when it can; else suspends the request and resumes it with Redis' decision.
     * Suspended by hand rather than by returning a {@code Uni}, which would build a reactive pipeline
     * (with context propagation around each of its steps) for every call that waits for Redis.
     */
    @ServerRequestFilter
    public void limit(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (!config.enabled()) {
            return;
        }
        ApiClient client = Callers.known(routing);
        if (client == null) {
            request.suspend();
            Callers.resolve(identities).subscribe().with(resolved -> {
                if (resolved == null) {
                    request.resume();
                } else {
                    limiter.acquire(resolved.rateKey(), clients.ratePlan(resolved.plan()), decision -> resume(request, decision), request::resume);
                }
            }, request::resume);
            return;
        }
        RatePlan plan = clients.ratePlan(client.plan());
        RateDecision now = limiter.decideNow(client.rateKey(), plan);
        if (now == null) {
            request.suspend();
            limiter.await(client.rateKey(), plan, decision -> resume(request, decision), request::resume);
            return;
        }
        apply(request, now);
    }

    private static void resume(ResteasyReactiveContainerRequestContext request, RateDecision decision) {
        request.setProperty(DECISION, decision);
        if (decision.allowed()) {
            request.resume();
        } else {
            request.resume(decision.rejection());
        }
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
