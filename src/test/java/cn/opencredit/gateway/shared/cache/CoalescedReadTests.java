package cn.opencredit.gateway.shared.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * The reads are driven by hand here, since the property under test is about what was in flight
 * when a caller arrived, which a real database cannot be made to hold still for. That the search
 * cache built on it answers every committed change is tested against PostgreSQL in
 * SubjectSearchCacheTests. A Quarkus test only because Mutiny runs with Quarkus's context
 * propagation installed once any Quarkus test has started in this JVM.
 */
@QuarkusTest
class CoalescedReadTests {

    /** Each read the coalescer starts, in order, completed by the test. */
    private final List<CompletableFuture<Long>> reads = new ArrayList<>();
    private final CoalescedRead<Long> read = new CoalescedRead<>(() -> {
        CompletableFuture<Long> started = new CompletableFuture<>();
        reads.add(started);
        return Uni.createFrom().completionStage(started);
    });

    @Test
    void shouldNeverGiveACallerTheResultOfAReadThatStartedBeforeItArrived() {
        CompletableFuture<Long> first = subscribe(read.get());
        assertEquals(1, reads.size());
        CompletableFuture<Long> during = subscribe(read.get());
        assertEquals(1, reads.size(), "no second read while one is in flight");

        reads.getFirst().complete(1L);
        assertEquals(1L, first.join());
        assertFalse(during.isDone(), "the caller that arrived during the first read waits for the next");
        assertEquals(2, reads.size(), "the next read starts as soon as the first ends");

        reads.get(1).complete(2L);
        assertEquals(2L, during.join());
    }

    @Test
    void shouldServeEveryoneWhoArrivedDuringOneReadWithOneMoreRead() {
        subscribe(read.get());
        List<CompletableFuture<Long>> waiting = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            waiting.add(subscribe(read.get()));
        }
        reads.getFirst().complete(1L);
        reads.get(1).complete(7L);
        assertEquals(2, reads.size(), "fifty callers, one read");
        waiting.forEach(result -> assertEquals(7L, result.join()));

        CompletableFuture<Long> alone = subscribe(read.get());
        assertEquals(3, reads.size(), "with nothing in flight a caller starts its own read at once");
        reads.get(2).complete(8L);
        assertEquals(8L, alone.join());
    }

    @Test
    void shouldFailOnlyTheCallersOfAFailedReadAndReadAgainForTheNext() {
        CompletableFuture<Long> failed = subscribe(read.get());
        CompletableFuture<Long> next = subscribe(read.get());
        reads.getFirst().completeExceptionally(new IllegalStateException("connection reset"));
        assertTrue(failed.isCompletedExceptionally());
        assertInstanceOf(IllegalStateException.class, failed.handle((value, failure) -> failure).join());
        reads.get(1).complete(3L);
        assertEquals(3L, next.join());

        CompletableFuture<Long> later = subscribe(read.get());
        reads.get(2).complete(4L);
        assertEquals(4L, later.join());
    }

    @Test
    void shouldStartAReadForACallerEvenWhenTheReaderThrows() {
        AtomicInteger attempts = new AtomicInteger();
        CoalescedRead<Long> throwing = new CoalescedRead<>(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("pool closed");
            }
            return Uni.createFrom().item(5L);
        });
        assertTrue(subscribe(throwing.get()).isCompletedExceptionally());
        assertEquals(5L, subscribe(throwing.get()).join(), "a throwing reader does not leave the read marked in flight");
    }

    @Test
    void shouldAnswerEveryCallerFromManyThreads() throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        ExecutorService database = Executors.newSingleThreadExecutor();
        CoalescedRead<Long> concurrent = new CoalescedRead<>(() -> {
            long n = started.incrementAndGet();
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return Uni.createFrom().completionStage(CompletableFuture.supplyAsync(() -> {
                inFlight.decrementAndGet();
                return n;
            }, CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS, database)));
        });
        int callers = 2_000;
        CountDownLatch answered = new CountDownLatch(callers);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < callers; i++) {
                threads.execute(() -> {
                    int before = started.get();
                    concurrent.get().subscribe().with(n -> {
                        // The read answered started after this caller arrived: its number is above every read begun before.
                        if (n > before) {
                            answered.countDown();
                        }
                    }, failure -> { });
                });
            }
            assertTrue(answered.await(30, TimeUnit.SECONDS), "every caller answered by a read that started after it arrived");
        } finally {
            threads.shutdownNow();
            database.shutdownNow();
        }
        assertEquals(1, mostInFlight.get(), "never two reads in flight");
        assertTrue(started.get() < callers, started.get() + " reads for " + callers + " callers");
    }

    private static CompletableFuture<Long> subscribe(Uni<Long> value) {
        return value.subscribeAsCompletionStage();
    }
}
