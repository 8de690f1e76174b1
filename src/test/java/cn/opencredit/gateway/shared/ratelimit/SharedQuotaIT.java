package cn.opencredit.gateway.shared.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.testing.PackagedReplicas;

/**
 * Shared limits across processes: two packaged replicas on one PostgreSQL and one Redis, and
 * clients that call them in the patterns real clients have. Every pattern must admit exactly what
 * the plan allows, never more, and no fewer when the consumer asks for more.
 */
class SharedQuotaIT {

    private static final String LISTING = "/api/v1/subjects?limit=1";
    private static PackagedReplicas replicas;

    @BeforeAll
    static void twoReplicas() throws Exception {
        replicas = PackagedReplicas.start(2, Map.of(
                "opencredit.plans.quota50.rate-per-second", "10000", "opencredit.plans.quota50.burst", "10000",
                "opencredit.plans.quota50.daily-quota", "50",
                "opencredit.plans.quota80.rate-per-second", "10000", "opencredit.plans.quota80.burst", "10000",
                "opencredit.plans.quota80.daily-quota", "80",
                "opencredit.plans.paced.rate-per-second", "20", "opencredit.plans.paced.burst", "10",
                "opencredit.plans.paced.daily-quota", "100000"));
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    void shouldAdmitExactlyTheQuotaOfOneBurstOf200SpreadOverBothReplicas() throws Exception {
        String key = replicas.newKey("app", "quota50");

        Counts counts = parallel(200, 200, call -> call % 2, key);

        assertEquals(new Counts(50, 150, 0), counts);
    }

    @Test
    void shouldAdmitExactlyTheQuotaOfOneBurstOf200AllOnOneReplica() throws Exception {
        String key = replicas.newKey("app", "quota50");

        Counts counts = parallel(200, 200, call -> 1, key);

        assertEquals(new Counts(50, 150, 0), counts);
    }

    @Test
    void shouldAdmitExactlyTheQuotaOfManyThreadsEachCallingInSequence() throws Exception {
        String key = replicas.newKey("app", "quota50");

        // 16 clients, each sending its 15 calls one after the other, alternating replicas.
        Counts counts = parallel(16 * 15, 16, call -> (call / 16) % 2, key);

        assertEquals(new Counts(50, 190, 0), counts);
    }

    @Test
    void shouldAdmitExactlyTheQuotaOfBurstsThenTrickles() throws Exception {
        String key = replicas.newKey("app", "quota80");

        Counts burst = parallel(60, 60, call -> call % 2, key);
        Counts trickle = parallel(40, 1, call -> call % 2, key);
        Counts secondBurst = parallel(50, 50, call -> call % 2, key);

        assertEquals(new Counts(60, 0, 0), burst, "the whole burst fits");
        assertEquals(new Counts(20, 20, 0), trickle, "then exactly what is left of the quota");
        assertEquals(new Counts(0, 50, 0), secondBurst, "and nothing more");
    }

    @Test
    void shouldAdmitAtMostTheBurstPlusTheRateOverAnyWindowAndNoFewer() throws Exception {
        String key = replicas.newKey("app", "paced");
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        long started;
        long lastSentAt;
        long lastAnsweredAt;
        AtomicInteger calls = new AtomicInteger();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<long[]>> running = new ArrayList<>();
            for (int client = 0; client < 32; client++) {
                running.add(clients.submit(() -> {
                    go.await();
                    long sent = 0;
                    long answered = 0;
                    while (System.nanoTime() < deadline) {
                        int call = calls.getAndIncrement();
                        sent = System.nanoTime();
                        int status = send(call % 2, key);
                        answered = System.nanoTime();
                        if (status == 200) {
                            admitted.incrementAndGet();
                        } else if (status != 429) {
                            other.incrementAndGet();
                        }
                    }
                    return new long[] {sent, answered};
                }));
            }
            started = System.nanoTime();
            go.countDown();
            lastSentAt = 0;
            lastAnsweredAt = 0;
            for (Future<long[]> client : running) {
                long[] times = client.get();
                lastSentAt = Math.max(lastSentAt, times[0]);
                lastAnsweredAt = Math.max(lastAnsweredAt, times[1]);
            }
        }
        double outer = (lastAnsweredAt - started) / 1e9;
        double inner = (lastSentAt - started) / 1e9;

        assertEquals(0, other.get(), "every call was admitted or refused");
        assertTrue(admitted.get() <= 10 + Math.ceil(20 * outer), admitted + " admitted in " + outer + " s: at most burst 10 + 20/s");
        // The first call reaches Redis a little after it is sent; half a second covers a cold start.
        assertTrue(admitted.get() >= 10 + Math.floor(20 * (inner - 0.5)), admitted + " admitted in " + inner + " s: the rate was withheld");
    }

    private record Counts(int admitted, int refused, int other) {
    }

    /** {@code calls} calls through {@code concurrency} clients at once, call {@code i} to replica {@code replicaOf(i)}. */
    private static Counts parallel(int calls, int concurrency, java.util.function.IntUnaryOperator replicaOf, String key) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < concurrency; client++) {
                running.add(clients.submit(() -> {
                    go.await();
                    for (int call = next.getAndIncrement(); call < calls; call = next.getAndIncrement()) {
                        int status = send(replicaOf.applyAsInt(call), key);
                        (status == 200 ? admitted : status == 429 ? refused : other).incrementAndGet();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> client : running) {
                client.get();
            }
        }
        return new Counts(admitted.get(), refused.get(), other.get());
    }

    private static int send(int replica, String key) throws Exception {
        URI uri = replicas.api(replica).resolve(LISTING);
        return replicas.http().send(PackagedReplicas.get(uri, key), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
