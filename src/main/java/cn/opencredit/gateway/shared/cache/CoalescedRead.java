package cn.opencredit.gateway.shared.cache;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * A read whose answer many callers share without any of them getting a value older than its own
 * arrival: a caller gets the result of a read that <em>started after it arrived</em>. Callers that
 * arrive while a read is in flight wait together for the next one, which starts as soon as that read
 * ends, so at most one read is in flight and each serves everyone who arrived during the one before.
 *
 * <p>Under load this turns a round trip per caller into a round trip per batch of callers, and a
 * caller alone waits for exactly one read, as without it. A failed read fails only its own callers;
 * the next caller starts a new read.
 */
public final class CoalescedRead<T> {

    private final Supplier<Uni<T>> read;
    private final Object lock = new Object();
    private boolean reading;
    private CompletableFuture<T> next;

    public CoalescedRead(Supplier<Uni<T>> read) {
        this.read = read;
    }

    /** The result of a read that starts now, or after the read in flight if there is one. */
    public Uni<T> get() {
        CompletableFuture<T> result;
        boolean start;
        synchronized (lock) {
            start = !reading;
            if (start) {
                reading = true;
                result = new CompletableFuture<>();
            } else {
                if (next == null) {
                    next = new CompletableFuture<>();
                }
                result = next;
            }
        }
        if (start) {
            start(result);
        }
        return Uni.createFrom().completionStage(result);
    }

    private void start(CompletableFuture<T> waiting) {
        Uni<T> started;
        try {
            started = read.get();
        } catch (RuntimeException e) {
            finish(waiting, null, e);
            return;
        }
        started.subscribe().with(value -> finish(waiting, value, null), failure -> finish(waiting, null, failure));
    }

    private void finish(CompletableFuture<T> done, T value, Throwable failure) {
        CompletableFuture<T> following;
        synchronized (lock) {
            following = next;
            next = null;
            reading = following != null;
        }
        // The next read goes out before this one's callers run on, so it overlaps with their work.
        if (following != null) {
            start(following);
        }
        if (failure == null) {
            done.complete(value);
        } else {
            done.completeExceptionally(failure);
        }
    }
}
