package cn.opencredit.gateway.history;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.history.HistoryRepository.StoredCheckpoint;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.time.ChinaTime;

/**
 * Signs the chain head (every {@code opencredit.history.checkpoint-every} when it has moved, and on
 * demand), publishes the checkpoints and keys, and tells anyone whether today's chain still extends
 * a checkpoint they kept. The keys come from configuration and never touch the database.
 */
@Startup
@Singleton
public class CheckpointService {

    private static final HexFormat HEX = HexFormat.of();

    private final HistoryRepository repository;
    private final CheckpointKeys keys;
    private final HistoryConfig config;
    private final Clock clock;

    CheckpointService(HistoryRepository repository, HistoryConfig config, Clock clock) {
        this.repository = repository;
        this.keys = CheckpointKeys.of(config);
        this.config = config;
        this.clock = clock;
    }

    CheckpointKeys keys() {
        return keys;
    }

    void schedule(@Observes StartupEvent event, Scheduler scheduler) {
        scheduler.newJob("history-checkpoint")
                .setInterval(config.checkpointEvery().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> sign()
                        .onFailure().invoke(failure -> Log.warnf("Could not sign the history head: %s", failure.toString()))
                        .onFailure().recoverWithNull()
                        .replaceWithVoid())
                .schedule();
    }

    /** Signs the head unless it is signed already; empty while the chain is empty. Replicas signing one head store it once. */
    public Uni<Optional<Signed>> sign() {
        return repository.head().chain(head -> {
            if (head.sequence() == 0) {
                return Uni.createFrom().item(Optional.<Signed>empty());
            }
            return repository.checkpoint(head.sequence()).chain(existing -> {
                if (existing.isPresent()) {
                    return Uni.createFrom().item(Optional.of(new Signed(view(existing.get()), false)));
                }
                StoredCheckpoint checkpoint = new StoredCheckpoint(head.sequence(), head.hash(), OffsetDateTime.now(clock.withZone(ChinaTime.ZONE)),
                        keys.currentKeyId(), keys.sign(head.sequence(), head.hash()));
                return repository.insertCheckpoint(checkpoint)
                        .chain(() -> repository.checkpoint(head.sequence()))
                        .map(stored -> Optional.of(new Signed(view(stored.orElseThrow()), true)));
            });
        });
    }

    /** {@link #sign()} for an operator: a 404 problem while the history is empty. */
    public Uni<Signed> signNow() {
        return sign().map(signed -> signed.orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "The history is empty: there is no head to sign")));
    }

    /** A checkpoint, and whether this call signed it. */
    public record Signed(CheckpointView checkpoint, boolean created) {
    }

    public Uni<Page<CheckpointView>> checkpoints(String limit, String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor, "history-checkpoints", 1);
        Optional<Long> before = page.after(key -> Long.parseLong(key.getFirst()));
        return repository.checkpointPage(before, page.fetchSize())
                .map(rows -> Page.of(rows, page, "history-checkpoints", row -> List.of(Long.toString(row.sequence())))
                        .map(CheckpointService::view));
    }

    public Uni<CheckpointView> checkpoint(long sequence) {
        return repository.checkpoint(sequence).map(stored -> stored.map(CheckpointService::view)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No checkpoint was signed at entry " + sequence)));
    }

    public Uni<CheckpointView> latest() {
        return repository.checkpointPage(Optional.empty(), 1).map(rows -> rows.stream().findFirst().map(CheckpointService::view)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No checkpoint has been signed yet: the history is empty")));
    }

    public HistoryKeysView publishedKeys() {
        return new HistoryKeysView(keys.published().stream()
                .map(key -> new HistoryKeysView.Key(key.keyId(), CheckpointKeys.ALGORITHM, key.pem(), key.current())).toList());
    }

    /**
     * Whether a published key signed the kept checkpoint, and whether today's chain still extends
     * it: the entry at its sequence still has its hash, and every link from there to today's head
     * holds. Whether anything before it was edited is what the full integrity check tells.
     */
    public Uni<CheckpointVerificationView> verify(CheckpointVerificationRequest kept) {
        byte[] hash = HEX.parseHex(kept.hash());
        byte[] signature = Base64.getDecoder().decode(kept.signature());
        Optional<String> signer = keys.signer(kept.sequence(), hash, signature);
        return repository.head().chain(head -> {
            IntegrityView.Head today = new IntegrityView.Head(head.sequence(), HEX.formatHex(head.hash()));
            if (kept.sequence() > head.sequence()) {
                return Uni.createFrom().item(new CheckpointVerificationView(signer.isPresent(), signer.orElse(null), false, today, 0,
                        "the chain ends at entry " + head.sequence() + ", before the checkpoint's entry " + kept.sequence()
                                + ": entries were removed from its end"));
            }
            return repository.entryHash(kept.sequence()).chain(stored -> {
                if (stored.isEmpty() || !java.util.Arrays.equals(stored.get(), hash)) {
                    return Uni.createFrom().item(new CheckpointVerificationView(signer.isPresent(), signer.orElse(null), false, today, 0,
                            stored.isEmpty() ? "entry " + kept.sequence() + " is missing from the chain"
                                    : "entry " + kept.sequence() + " now has hash " + HEX.formatHex(stored.get())
                                            + ": the chain was rewritten from an entry at or before it"));
                }
                HistoryChain tail = new HistoryChain(kept.sequence(), hash, head.sequence(), head.hash());
                return Multi.createBy().repeating()
                        .uni(() -> repository.links(tail.lastSequence(), head.sequence(), IntegrityCheck.CHUNK).invoke(tail::check))
                        .whilst(chunk -> tail.wantsMore(chunk.size() == IntegrityCheck.CHUNK))
                        .collect().last()
                        .map(ignored -> {
                            HistoryChain.Outcome walked = tail.result();
                            boolean extended = walked.brokenLink() == null;
                            String detail = !signer.isPresent() ? "no published key made this signature"
                                    : extended ? "today's chain passes through the checkpoint and every link after it holds"
                                    : walked.brokenLink().detail();
                            return new CheckpointVerificationView(signer.isPresent(), signer.orElse(null), extended, today, walked.verified(),
                                    detail);
                        });
            });
        });
    }

    static CheckpointView view(StoredCheckpoint checkpoint) {
        return new CheckpointView(checkpoint.sequence(), HEX.formatHex(checkpoint.hash()),
                checkpoint.signedAt().atZoneSameInstant(ChinaTime.ZONE).toOffsetDateTime(), checkpoint.keyId(),
                Base64.getEncoder().encodeToString(checkpoint.signature()), CheckpointKeys.message(checkpoint.sequence(), checkpoint.hash()));
    }
}
