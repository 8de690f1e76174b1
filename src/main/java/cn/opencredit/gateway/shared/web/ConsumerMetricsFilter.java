package cn.opencredit.gateway.shared.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.Callers;

/**
 * Requests, refusals and latency per consumer ({@code opencredit_consumer_requests_seconds},
 * tagged by consumer, type and status). Anonymous callers share one series: per-address series
 * would grow without bound.
 */
@ApplicationScoped
public class ConsumerMetricsFilter {

    private static final String STARTED = ConsumerMetricsFilter.class.getName() + ".started";

    private final MeterRegistry registry;
    /** Looked up once per series: building the meter's id on every call costs more than recording. */
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();
    private final CurrentIdentityAssociation identities;

    ConsumerMetricsFilter(MeterRegistry registry, CurrentIdentityAssociation identities) {
        this.registry = registry;
        this.identities = identities;
    }

    @ServerRequestFilter(preMatching = true)
    public void start(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    /** Null, so that the answer goes out without being suspended, when the caller is known already. */
    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return null;
        }
        long elapsed = System.nanoTime() - started;
        int status = response.getStatus();
        ApiClient known = Callers.known(routing);
        if (known != null) {
            timer(known, status).record(elapsed, TimeUnit.NANOSECONDS);
            return null;
        }
        return Callers.resolve(identities).invoke(client -> timer(client, status).record(elapsed, TimeUnit.NANOSECONDS)).replaceWithVoid();
    }

    private Timer timer(ApiClient client, int status) {
        String consumer = client == null ? "unauthenticated" : client.anonymous() ? "anonymous" : client.consumerId().toString();
        String type = client == null ? "none" : client.type();
        return timers.computeIfAbsent(new Series(consumer, type, status), series -> Timer.builder("opencredit.consumer.requests")
                .description("API calls per consumer, by answer status")
                .tag("consumer", series.consumer())
                .tag("type", series.type())
                .tag("status", Integer.toString(series.status()))
                .register(registry));
    }

    private record Series(String consumer, String type, int status) {
    }
}
