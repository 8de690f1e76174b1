package cn.opencredit.gateway.shared.cache;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisRole;
import io.vertx.redis.client.ResponseType;

/**
 * Keeps this replica's {@link NearCache} in step with every other replica: it subscribes to the
 * channel on which {@link SubjectDataVersions} announces each change of a subject and drops that
 * subject's answers when the announcement arrives. The near cache serves only while the
 * subscription stands; a lost or silent connection switches it off (and empties it) until a new
 * subscription stands again.
 *
 * <p>The subscription has a Redis client of its own, built from the same {@code quarkus.redis.*}
 * settings: a connection in subscriber mode must never go back into the shared pool, and a silent
 * one is closed for good with its client.
 */
@ApplicationScoped
public class InvalidationSubscriber {

    static final String CHANNEL = "cache:changed";
    /** A subscription that does not answer a PING within this is treated as lost. */
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(1);
    /** A subscription that Redis has not confirmed within this is given up and tried again. */
    private static final Duration CONFIRMATION_TIMEOUT = Duration.ofSeconds(3);

    private final Vertx vertx;
    private final NearCache near;
    private final CacheConfig config;
    private final RedisOptions options;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private final Counter losses;
    private volatile Redis client;
    private volatile RedisConnection connection;
    private volatile long subscribedAtNanos;

    InvalidationSubscriber(Vertx vertx, NearCache near, CacheConfig config, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.redis.hosts") List<URI> hosts,
            @ConfigProperty(name = "quarkus.redis.client-type") Optional<RedisClientType> clientType,
            @ConfigProperty(name = "quarkus.redis.master-name") Optional<String> masterName,
            @ConfigProperty(name = "quarkus.redis.role") Optional<RedisRole> role,
            @ConfigProperty(name = "quarkus.redis.password") Optional<String> password) {
        this.vertx = vertx;
        this.near = near;
        this.config = config;
        this.options = new RedisOptions().setType(clientType.orElse(RedisClientType.STANDALONE)).setMaxPoolSize(1).setMaxPoolWaiting(1);
        hosts.forEach(host -> options.addConnectionString(host.toString()));
        masterName.ifPresent(options::setMasterName);
        role.ifPresent(options::setRole);
        password.ifPresent(options::setPassword);
        this.losses = Counter.builder("opencredit.cache.invalidations.lost")
                .description("Times this replica lost the subscription to cache invalidations and stopped serving from memory")
                .register(registry);
        Gauge.builder("opencredit.cache.near.live", near, n -> n.live() ? 1 : 0)
                .description("1 while this replica serves answers from its near cache, else 0 (no subscription to invalidations)")
                .register(registry);
        Gauge.builder("opencredit.cache.near.subjects", near, NearCache::size)
                .description("Subjects with answers in this replica's near cache")
                .register(registry);
    }

    /** Whether the near cache is serving, for the readiness details. */
    public boolean subscribed() {
        return near.live();
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled() && config.near().enabled()) {
            subscribe();
        }
    }

    /** Resubscribes when there is no subscription; checks that the one there is still answers. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> watch() {
        if (!config.enabled() || !config.near().enabled()) {
            return Uni.createFrom().voidItem();
        }
        RedisConnection current = connection;
        if (current == null) {
            subscribe();
            return Uni.createFrom().voidItem();
        }
        if (!near.live() && System.nanoTime() - subscribedAtNanos > CONFIRMATION_TIMEOUT.toNanos()) {
            lost(current, new IllegalStateException("Redis did not confirm the subscription"));
            return Uni.createFrom().voidItem();
        }
        return current.send(Request.cmd(Command.PING))
                .ifNoItem().after(PING_TIMEOUT).fail()
                // In RESP2 a reply is matched to the oldest command waiting, so an announcement may arrive as the PING's answer.
                .invoke(reply -> received(current, reply))
                .onFailure().invoke(failure -> lost(current, failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private void subscribe() {
        if (!connecting.compareAndSet(false, true)) {
            return;
        }
        Redis fresh = Redis.createClient(vertx, new RedisOptions(options));
        fresh.connect().subscribe().with(
                opened -> {
                    client = fresh;
                    subscribedAtNanos = System.nanoTime();
                    connection = opened;
                    connecting.set(false);
                    opened.handler(message -> received(opened, message));
                    opened.exceptionHandler(failure -> lost(opened, failure));
                    opened.endHandler(() -> lost(opened, null));
                    // The confirmation comes as this command's reply (RESP2) or as a pushed message (RESP3); received() takes both.
                    opened.send(Request.cmd(Command.SUBSCRIBE).arg(CHANNEL)).subscribe().with(
                            reply -> received(opened, reply),
                            failure -> lost(opened, failure));
                },
                failure -> {
                    fresh.close();
                    connecting.set(false);
                    Log.debugf("Could not connect for cache invalidations: %s", failure.toString());
                });
    }

    /** An announcement drops its subject; the confirmation of the subscription switches the near cache on. */
    private void received(RedisConnection from, Response message) {
        if (message == null || (message.type() != ResponseType.MULTI && message.type() != ResponseType.PUSH) || message.size() < 3) {
            return;
        }
        String kind = message.get(0).toString();
        if ("message".equals(kind) && message.size() == 3) {
            near.invalidate(message.get(2).toString(StandardCharsets.UTF_8));
        } else if ("subscribe".equals(kind) && from == connection && !near.live()) {
            near.live(true);
            Log.info("Near cache on: subscribed to cache invalidations");
        }
    }

    private void lost(RedisConnection which, Throwable failure) {
        if (connection != which) {
            return;
        }
        connection = null;
        near.live(false);
        losses.increment();
        Log.warnf("Near cache off: the subscription to cache invalidations was lost (%s); answers come from Redis until it is back",
                failure == null ? "connection closed" : failure.toString());
        Redis gone = client;
        client = null;
        if (gone != null) {
            gone.close();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        near.live(false);
        Redis gone = client;
        client = null;
        connection = null;
        if (gone != null) {
            gone.close();
        }
    }
}
