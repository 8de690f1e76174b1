package cn.opencredit.gateway.webhook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;

import cn.opencredit.gateway.consent.ConsentCategory;
import cn.opencredit.gateway.consent.ConsentPurpose;
import cn.opencredit.gateway.consent.ConsentService;
import cn.opencredit.gateway.shared.problem.ProblemException;

/**
 * Turns the outbox the triggers fill (V034) into messages: for each new failing, one message per
 * consumer that has an endpoint for its type and, asked through {@link ConsentService#require}, an
 * active post-loan-monitoring consent covering what the event shows; one delivery per such
 * endpoint. The outbox rows are taken and the messages written in one transaction, so a replica
 * that dies half-way leaves the rows for another, and none is dispatched twice.
 */
@ApplicationScoped
class WebhookDispatcher {

    private static final Set<ConsentPurpose> MONITORING = Set.of(ConsentPurpose.POST_LOAN_MONITORING);

    private final DeliveryRepository repository;
    private final ConsentService consents;
    private final WebhookConfig config;
    private final Clock clock;

    WebhookDispatcher(DeliveryRepository repository, ConsentService consents, WebhookConfig config, Clock clock) {
        this.repository = repository;
        this.consents = consents;
        this.config = config;
        this.clock = clock;
    }

    /** One batch of the outbox; answers how many rows it took (the batch size: there may be more). */
    Uni<Integer> dispatch() {
        return repository.inTransaction(this::dispatchBatch)
                .onFailure().invoke(failure -> Log.warnf("Dispatching webhook events failed; the next run retries: %s", failure.toString()))
                .onFailure().recoverWithItem(0);
    }

    /** One batch of the outbox in the caller's transaction; answers how many rows it took. */
    private Uni<Integer> dispatchBatch(SqlConnection connection) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return repository.takeOutbox(connection, config.batchSize()).chain(taken -> {
            if (taken.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return repository.receivers(connection)
                    .chain(receivers -> messages(taken, receivers))
                    .chain(messages -> repository.insertMessages(connection, messages, now, config.retryWindow()))
                    .replaceWith(taken.size());
        });
    }

    private Uni<List<DeliveryRepository.NewMessage>> messages(List<DeliveryRepository.OutboxRow> taken, List<DeliveryRepository.Receiver> receivers) {
        List<Uni<Optional<DeliveryRepository.NewMessage>>> candidates = new ArrayList<>();
        for (DeliveryRepository.OutboxRow row : taken) {
            JsonObject data = new JsonObject(row.data());
            ConsentCategory category = WebhookPolicies.consentCategory(row.type(), data.getString("category"), data.getString("disclosureLevel"));
            Map<UUID, List<Long>> endpointsByConsumer = receivers.stream().filter(r -> r.eventTypes().contains(row.type()))
                    .collect(Collectors.groupingBy(DeliveryRepository.Receiver::consumerId,
                            Collectors.mapping(DeliveryRepository.Receiver::endpointId, Collectors.toList())));
            String body = WebhookEvents.body(row.type(), row.occurredAt(), data);
            endpointsByConsumer.forEach((consumer, endpoints) -> candidates.add(consents.require(row.subjectId(), consumer, MONITORING, category)
                    .map(grant -> Optional.of(new DeliveryRepository.NewMessage(WebhookEvents.newMessageId(), consumer, row.subjectId(), row.type(),
                            category.name(), body, row.occurredAt(), endpoints)))
                    .onFailure(ProblemException.class).recoverWithItem(Optional.empty())));
        }
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(candidates).andFailFast().map(found -> found.stream().flatMap(Optional::stream).toList());
    }
}
