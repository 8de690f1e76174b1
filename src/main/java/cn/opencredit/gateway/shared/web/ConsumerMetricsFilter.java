package cn.opencredit.gateway.shared.web;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.security.ApiClient;

/**
 * Requests, refusals and latency per consumer ({@code opencredit_consumer_requests_seconds},
 * tagged by consumer, type and status). Anonymous callers share one series: per-address series
 * would grow without bound.
 */
@ApplicationScoped
public class ConsumerMetricsFilter {

    private static final String STARTED = ConsumerMetricsFilter.class.getName() + ".started";

    private final MeterRegistry registry;
    private final CurrentIdentityAssociation identities;

    ConsumerMetricsFilter(MeterRegistry registry, CurrentIdentityAssociation identities) {
        this.registry = registry;
        this.identities = identities;
    }

    @ServerRequestFilter(preMatching = true)
    public void start(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return Uni.createFrom().voidItem();
        }
        long elapsed = System.nanoTime() - started;
        return identities.getDeferredIdentity().map(ApiClient::of).onFailure().recoverWithNull().invoke(client -> Timer
                .builder("opencredit.consumer.requests")
                .description("API calls per consumer, by answer status")
                .tag("consumer", client == null ? "unauthenticated" : client.anonymous() ? "anonymous" : client.consumerId().toString())
                .tag("type", client == null ? "none" : client.type())
                .tag("status", Integer.toString(response.getStatus()))
                .register(registry)
                .record(Duration.ofNanos(elapsed))).replaceWithVoid();
    }
}
