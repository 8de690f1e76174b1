package cn.opencredit.gateway.changefeed;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Hands out feed positions to committed changes (changefeed_sequence() in V009). Every replica
 * runs it; the advisory lock inside lets one of them work at a time, and the others' calls return
 * at once.
 */
@ApplicationScoped
class ChangeFeedSequencer {

    private final ChangeFeedRepository repository;
    private final ChangeFeedConfig config;

    ChangeFeedSequencer(ChangeFeedRepository repository, ChangeFeedConfig config) {
        this.repository = repository;
        this.config = config;
    }

    /** Numbers the whole queue, one batch per transaction, so a burst (a seed load, a big import) drains without a long lock. */
    @Scheduled(every = "{opencredit.changefeed.sequence-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> drain() {
        int batch = config.sequenceBatch();
        return Multi.createBy().repeating().uni(() -> repository.sequence(batch, false)).whilst(moved -> moved == batch)
                .collect().last()
                .onFailure().invoke(failure -> Log.warnf("Could not number queued changes: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * One batch, before a read, so that a consumer sees what committed just before it asked: after a
     * run that is numbering right now, which may have taken its rows before that commit (V058).
     */
    Uni<Integer> sequenceOnce() {
        return repository.sequence(config.sequenceBatch(), true);
    }
}
