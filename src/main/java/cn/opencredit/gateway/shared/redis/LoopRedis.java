package cn.opencredit.gateway.shared.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.quarkus.arc.Arc;
import io.quarkus.proxy.ProxyConfigurationRegistry;
import io.quarkus.redis.runtime.client.VertxRedisClientFactory;
import io.quarkus.redis.runtime.client.config.RedisConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.mutiny.redis.client.Redis;

/**
 * The Redis client of the event loop a call runs on. Vert.x' Redis client keeps all its connections
 * on the event loop of the context it was created on, so a command sent from another loop is handed
 * to that loop as a task and its answer handed back as another, each waking the loop it goes to (a
 * system call); under load those wake-ups were 5.8 % of the JVM's samples in the limited hot set
 * (docs/benchmarks.md, sixth sitting). Here each event loop has a client of its own, created on it,
 * with the default client's settings exactly (built by the same Quarkus factory from the same
 * {@code quarkus.redis.*} configuration), so that a command and its answer stay on the caller's loop.
 * Off any event loop (workers, schedulers, tests) the default client is used.
 *
 * <p>Each client has a pool of its own of up to {@code quarkus.redis.max-pool-size} connections,
 * opened as they are needed: a busy replica holds up to that many per event loop.
 */
@Singleton
public class LoopRedis {

    private static final Duration START = Duration.ofSeconds(10);

    private final Redis shared;
    private final Map<EventLoop, Redis> byLoop = new ConcurrentHashMap<>();

    LoopRedis(Redis shared, Vertx vertx) {
        this.shared = shared;
        RedisConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(RedisConfig.class);
        TlsConfigurationRegistry tls = Arc.container().instance(TlsConfigurationRegistry.class).get();
        ProxyConfigurationRegistry proxies = Arc.container().instance(ProxyConfigurationRegistry.class).get();
        VertxInternal internal = (VertxInternal) vertx;
        List<CompletableFuture<Void>> created = new ArrayList<>();
        for (EventExecutor executor : internal.getEventLoopGroup()) {
            EventLoop loop = (EventLoop) executor;
            ContextInternal context = internal.createEventLoopContext(loop, internal.getWorkerPool(), Thread.currentThread().getContextClassLoader());
            CompletableFuture<Void> done = new CompletableFuture<>();
            // The client takes the context it is created on for all its connections: create it on the loop's own.
            context.runOnContext(ignored -> {
                try {
                    byLoop.put(loop, Redis.newInstance(VertxRedisClientFactory.create(RedisConfig.DEFAULT_CLIENT_NAME, vertx,
                            config.clients().get(RedisConfig.DEFAULT_CLIENT_NAME), tls, proxies)));
                    done.complete(null);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
            created.add(done);
        }
        try {
            CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).get(START.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create a Redis client per event loop", e);
        }
    }

    /** The client whose connections live on the caller's event loop; the default client off any event loop. */
    public Redis here() {
        if (Vertx.currentContext() instanceof ContextInternal context) {
            Redis own = byLoop.get(context.nettyEventLoop());
            if (own != null) {
                return own;
            }
        }
        return shared;
    }

    /** How many event loops have a client of their own, for the tests. */
    int loops() {
        return byLoop.size();
    }

    void close(@Observes ShutdownEvent event) {
        byLoop.values().forEach(Redis::close);
    }
}
