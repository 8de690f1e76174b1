package cn.opencredit.gateway.webhook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;

/** What became of the events sent to an endpoint: its delivery log, and redelivery of one event on request. */
@ApplicationScoped
public class DeliveryLogService {

    private final WebhookService endpoints;
    private final DeliveryRepository deliveries;
    private final WebhookConfig config;
    private final Clock clock;

    DeliveryLogService(WebhookService endpoints, DeliveryRepository deliveries, WebhookConfig config, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.config = config;
        this.clock = clock;
    }

    /** The endpoint's deliveries, newest first, with every attempt: status code, latency, error, and when the next one is due. */
    public Uni<Page<DeliveryView>> list(ApiClient caller, long endpointId, String limit, String cursor) {
        String query = "webhook-deliveries|" + endpointId;
        PageRequest page = PageRequest.parse(limit, cursor, query, 1);
        return endpoints.owned(caller, endpointId)
                .chain(endpoint -> deliveries.page(endpointId, page.after(key -> Long.parseLong(key.getFirst())), page.fetchSize()))
                .map(rows -> Page.of(rows.stream().map(DeliveryLogService::view).toList(), page, query, view -> List.of(view.id())));
    }

    /**
     * Sends the event again, under the same {@code webhook-id}, with a new retry window: whatever
     * its state, since the bank may have lost what it received. The endpoint must be enabled.
     */
    public Uni<DeliveryView> redeliver(ApiClient caller, long endpointId, long deliveryId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return endpoints.owned(caller, endpointId).chain(endpoint -> {
            if (endpoint.status() != EndpointStatus.ENABLED) {
                Verdict.rejected(WebhookRejection.NOT_ENABLED, "Webhook endpoint " + endpointId + " is " + endpoint.status().code()
                        + "; enable it first").orThrow();
            }
            return deliveries.redeliver(endpointId, deliveryId, now, config.retryWindow());
        }).chain(queued -> {
            if (queued.isEmpty()) {
                throw new ProblemException(ProblemType.NOT_FOUND, "Webhook endpoint " + endpointId + " has no delivery with id " + deliveryId);
            }
            return deliveries.find(endpointId, deliveryId);
        }).map(found -> view(found.orElseThrow()));
    }

    private static DeliveryView view(DeliveryRepository.LoggedDelivery row) {
        boolean waiting = row.state() == DeliveryState.PENDING;
        return new DeliveryView(Long.toString(row.id()), row.messageId(), row.type(), row.state(), row.attempts(),
                waiting ? ChinaTime.inChina(row.nextAttemptAt()) : null, ChinaTime.inChina(row.retryUntil()), row.lastStatusCode(),
                row.lastError(), ChinaTime.inChina(row.deliveredAt()), ChinaTime.inChina(row.createdAt()),
                row.attemptLog().stream().map(a -> new DeliveryView.AttemptView(ChinaTime.inChina(a.attemptedAt()), a.statusCode(),
                        a.latencyMs(), a.error())).toList());
    }
}
