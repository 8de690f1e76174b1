package cn.opencredit.gateway.history;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The tamper-evident history of credit records and list entries. The database appends to it
 * (V008); this service only verifies it.
 */
@ApplicationScoped
public class HistoryService {

    /** Entries per query: a bounded amount of content in memory however long the chain is. */
    static final int CHUNK = 1000;

    private final HistoryRepository repository;

    HistoryService(HistoryRepository repository) {
        this.repository = repository;
    }

    /**
     * Recomputes the chain from its first entry up to the head as it is when the walk starts (later
     * appends are left for the next walk) and reports the first link that does not hold.
     */
    public Uni<IntegrityView> verify() {
        return repository.head().chain(head -> {
            Log.debugf("verifying history up to entry %d", head.sequence());
            HistoryChain walk = new HistoryChain(head.sequence(), head.hash());
            return Multi.createBy().repeating()
                    .uni(() -> repository.links(walk.lastSequence(), head.sequence(), CHUNK).invoke(walk::check))
                    .whilst(chunk -> walk.wantsMore(chunk.size() == CHUNK))
                    .collect().last()
                    .map(ignored -> walk.result());
        });
    }
}
