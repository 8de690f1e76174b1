package cn.opencredit.gateway.webhook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.consent.ConsentCategory;
import cn.opencredit.gateway.consent.ConsentPurpose;
import cn.opencredit.gateway.consent.ConsentService;
import cn.opencredit.gateway.shared.problem.ProblemException;

/**
 * Every replica's delivery worker. It claims due deliveries under a lease (see
 * {@link DeliveryRepository#claim}) and sends them without holding a transaction open; each send
 * asks the consent again first, so a consent revoked or expired after the event was queued stops
 * it. A replica that dies mid-send leaves the delivery to be sent again under the same
 * {@code webhook-id} once the lease ends: at least once on the wire, exactly once in effect for a
 * receiver that skips ids it has processed, as Standard Webhooks asks receivers to.
 */
@ApplicationScoped
class WebhookDeliverer {

    private static final Set<ConsentPurpose> MONITORING = Set.of(ConsentPurpose.POST_LOAN_MONITORING);

    private final DeliveryRepository repository;
    private final ConsentService consents;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();

    WebhookDeliverer(DeliveryRepository repository, ConsentService consents, WebhookSender sender, WebhookConfig config, Clock clock) {
        this.repository = repository;
        this.consents = consents;
        this.sender = sender;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Claims as many due deliveries as one batch, or the room left under the in-flight limit, and
     * starts them; the sends run on while later runs claim more, so one slow receiver does not hold
     * back the others. Answers whether it claimed a full batch (there may be more due).
     */
    Uni<Boolean> deliverDue() {
        int room = Math.min(config.batchSize(), config.maxInFlight() - inFlight.get());
        if (room <= 0) {
            return Uni.createFrom().item(false);
        }
        return repository.claim(room, config.lease(), OffsetDateTime.now(clock)).invoke(claimed -> claimed.forEach(delivery -> {
            inFlight.incrementAndGet();
            attempt(delivery).onTermination().invoke(inFlight::decrementAndGet).subscribe().with(done -> {
            }, failure -> Log.warnf("Webhook delivery %d could not be recorded; its lease runs out and it is sent again: %s",
                    delivery.deliveryId(), failure.toString()));
        })).map(claimed -> claimed.size() == room)
                .onFailure().invoke(failure -> Log.warnf("Claiming webhook deliveries failed; the next run retries: %s", failure.toString()))
                .onFailure().recoverWithItem(false);
    }

    private Uni<Void> attempt(DeliveryRepository.Claimed claimed) {
        ConsentCategory category = ConsentCategory.valueOf(claimed.consentCategory());
        return consents.require(claimed.subjectId(), claimed.consumerId(), MONITORING, category).replaceWith(Optional.<String>empty())
                .onFailure(ProblemException.class).recoverWithItem(refused -> Optional.of(((ProblemException) refused).type().code()))
                .chain(refusal -> refusal.isEmpty() ? send(claimed) : repository.cancel(claimed, refusal.get()));
    }

    private Uni<Void> send(DeliveryRepository.Claimed claimed) {
        OffsetDateTime attemptedAt = OffsetDateTime.now(clock);
        return sender.send(claimed, attemptedAt).chain(answer -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            DeliveryRepository.Outcome outcome;
            if (answer.accepted()) {
                outcome = new DeliveryRepository.Outcome(DeliveryState.DELIVERED, attemptedAt, answer.statusCode(), answer.latencyMs(), null, null);
            } else {
                OffsetDateTime next = now.plus(WebhookPolicies.retryDelay(claimed.attempts(), config.initialRetryDelay(), config.maxRetryDelay(),
                        ThreadLocalRandom.current().nextDouble()));
                boolean exhausted = next.isAfter(claimed.retryUntil());
                outcome = new DeliveryRepository.Outcome(exhausted ? DeliveryState.FAILED : DeliveryState.PENDING, attemptedAt, answer.statusCode(),
                        answer.latencyMs(), answer.error(), exhausted ? null : next);
            }
            return repository.record(claimed, outcome).invoke(recorded -> {
                if (!recorded) {
                    Log.infof("Webhook delivery %d was taken over by another replica; this attempt is not recorded", claimed.deliveryId());
                }
            }).replaceWithVoid();
        });
    }
}
