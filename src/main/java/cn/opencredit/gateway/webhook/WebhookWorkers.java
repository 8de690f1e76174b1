package cn.opencredit.gateway.webhook;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;

/**
 * Runs the dispatcher and then the delivery worker every {@code opencredit.webhook.poll-every}
 * on every replica, on a Vert.x timer (the scheduler's {@code every} does not go below a second):
 * an event committed just after a run waits one period, then is dispatched and claimed in the same
 * run. One run at a time per replica; replicas share the work through the queue's row locks.
 */
@ApplicationScoped
class WebhookWorkers {

    private final Vertx vertx;
    private final WebhookDispatcher dispatcher;
    private final WebhookDeliverer deliverer;
    private final WebhookSecrets secrets;
    private final WebhookConfig config;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timer = -1;

    WebhookWorkers(Vertx vertx, WebhookDispatcher dispatcher, WebhookDeliverer deliverer, WebhookSecrets secrets, WebhookConfig config) {
        this.vertx = vertx;
        this.dispatcher = dispatcher;
        this.deliverer = deliverer;
        this.secrets = secrets;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        if (!secrets.configured()) {
            Log.warn("opencredit.webhook.secret-key is not set: webhook endpoints are refused and nothing is delivered");
            return;
        }
        timer = vertx.setPeriodic(config.pollEvery().toMillis(), tick -> run());
    }

    /** One dispatch batch, then a claim; again at once while either found a full batch, so a burst drains without waiting for ticks. */
    private void run() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        dispatcher.dispatch().chain(taken -> deliverer.deliverDue().map(full -> full || taken == config.batchSize()))
                .onTermination().invoke(() -> running.set(false))
                .subscribe().with(more -> {
                    if (more) {
                        vertx.runOnContext(this::run);
                    }
                }, failure -> Log.warnf("A webhook worker run failed; the next one retries: %s", failure.toString()));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer != -1) {
            vertx.cancelTimer(timer);
        }
    }
}
