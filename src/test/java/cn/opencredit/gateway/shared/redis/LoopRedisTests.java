package cn.opencredit.gateway.shared.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

import cn.opencredit.gateway.testing.EventLoops;

/** Each event loop's own Redis client: chosen by the caller's loop, with the default client's settings (the same database). */
@QuarkusTest
class LoopRedisTests {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    LoopRedis loops;

    @Inject
    Redis shared;

    @Inject
    Vertx vertx;

    @Test
    void shouldGiveEachEventLoopItsOwnClientOnTheDefaultClientsDatabase() throws Exception {
        VertxInternal internal = (VertxInternal) vertx.getDelegate();
        assertEquals(count(internal), loops.loops(), "a client for every event loop");
        // Compared by the client underneath: the bean may be reached through more than one client proxy.
        assertSame(shared.getDelegate(), loops.here().getDelegate(), "off any event loop, the default client");

        List<ContextInternal> two = EventLoops.two(internal);
        Redis first = onLoop(two.get(0));
        Redis second = onLoop(two.get(1));
        assertNotSame(first, second, "two loops, two clients");
        assertNotSame(shared.getDelegate(), first.getDelegate());
        assertSame(first, onLoop(internal.createEventLoopContext(two.get(0).nettyEventLoop(), internal.getWorkerPool(),
                Thread.currentThread().getContextClassLoader())), "the same loop, the same client");

        // Written through a loop's client, read through the default one: the same server and database.
        String key = "test:loop-redis:" + UUID.randomUUID();
        CompletableFuture<String> answeredOn = new CompletableFuture<>();
        two.get(1).runOnContext(ignored -> {
            Thread caller = Thread.currentThread();
            loops.here().send(Request.cmd(Command.SET).arg(key).arg("written-on-a-loop").arg("PX").arg(60_000))
                    .subscribe().with(reply -> answeredOn.complete(Thread.currentThread() == caller ? "caller" : Thread.currentThread().getName()),
                            answeredOn::completeExceptionally);
        });
        assertEquals("caller", answeredOn.get(PATIENCE.toSeconds(), TimeUnit.SECONDS), "answered on the loop that sent it");
        assertEquals("written-on-a-loop", shared.send(Request.cmd(Command.GET).arg(key)).await().atMost(PATIENCE).toString());
    }

    private Redis onLoop(ContextInternal context) throws Exception {
        CompletableFuture<Redis> chosen = new CompletableFuture<>();
        context.runOnContext(ignored -> chosen.complete(loops.here()));
        return chosen.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    private static int count(VertxInternal internal) {
        int loops = 0;
        for (var ignored : internal.getEventLoopGroup()) {
            loops++;
        }
        return loops;
    }
}
