package cn.opencredit.gateway.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/** First start: the configured operator key becomes the first operator, so that operators can create the rest. */
@ApplicationScoped
class OperatorBootstrap {

    static final int MIN_KEY_LENGTH = 32;

    void onStart(@Observes StartupEvent event, AccessConfig config, ConsumerService consumers) throws Throwable {
        if (config.bootstrap().operatorKey().isEmpty()) {
            return;
        }
        String key = config.bootstrap().operatorKey().get().strip();
        if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("opencredit.bootstrap.operator-key must be at least " + MIN_KEY_LENGTH + " characters");
        }
        if (VertxContextSupport.subscribeAndAwait(() -> consumers.bootstrapOperator(key))) {
            Log.info("Created the bootstrap operator from opencredit.bootstrap.operator-key");
        }
    }
}
