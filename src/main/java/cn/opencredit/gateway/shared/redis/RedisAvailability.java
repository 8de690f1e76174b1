package cn.opencredit.gateway.shared.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * Whether Redis answers, as this replica sees it: one view for every user of Redis (the cache, the
 * rate limiter, the readiness check), so that they neither probe separately nor disagree.
 *
 * <ul>
 * <li>{@link State#UP}: commands are sent.</li>
 * <li>{@link State#SUSPECT}: a user saw a command fail or time out and {@linkplain #failed reported it}.
 * A PING is sent at once. Users that can do without Redis (the cache) go past it meanwhile; users
 * whose answer must come from Redis (the shared limits) go on asking it.</li>
 * <li>{@link State#DOWN}: a PING failed or did not answer within {@code opencredit.redis.probe-timeout}.
 * Redis is unreachable, not just slow under load; PING is tried once a second until it answers.</li>
 * </ul>
 *
 * Any command that answers (a PING or a user's) brings the state back to {@link State#UP}.
 */
@Singleton
public class RedisAvailability {

    public enum State {
        UP,
        SUSPECT,
        DOWN
    }

    private final Redis redis;
    private final Duration probeTimeout;
    private final AtomicReference<State> state = new AtomicReference<>(State.UP);
    private final AtomicBoolean probing = new AtomicBoolean();
    private final Counter outages;

    public RedisAvailability(Redis redis, RedisConfig config, MeterRegistry registry) {
        if (config.probeTimeout().isNegative() || config.probeTimeout().isZero()) {
            throw new IllegalArgumentException("opencredit.redis.probe-timeout must be positive, not " + config.probeTimeout());
        }
        this.redis = redis;
        this.probeTimeout = config.probeTimeout();
        this.outages = Counter.builder("opencredit.redis.outages")
                .description("Times this replica found Redis unreachable (a PING failed or did not answer in time)")
                .register(registry);
        Gauge.builder("opencredit.redis.down", state, current -> current.get() == State.DOWN ? 1 : 0)
                .description("1 while this replica finds Redis unreachable, else 0")
                .register(registry);
    }

    public State state() {
        return state.get();
    }

    /** Commands are worth sending: nothing failed since the last answer. */
    public boolean up() {
        return state.get() == State.UP;
    }

    /** A PING failed or did not answer in time: Redis is unreachable, not just slow. */
    public boolean down() {
        return state.get() == State.DOWN;
    }

    /** A user's command failed or timed out: suspect Redis and find out with a PING now. */
    public void failed(String user, Throwable failure) {
        if (state.compareAndSet(State.UP, State.SUSPECT)) {
            Log.warnf("Redis did not answer the %s (%s); probing it with PING", user, failure.toString());
        }
        probe();
    }

    /** A command answered: Redis is reachable. */
    public void answered() {
        State was = state.getAndSet(State.UP);
        if (was == State.DOWN) {
            Log.info("Redis answers again");
        }
    }

    /** Once a second while Redis is not known to be up; at once after a reported failure. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void probe() {
        if (state.get() == State.UP || !probing.compareAndSet(false, true)) {
            return;
        }
        redis.send(Request.cmd(Command.PING))
                .ifNoItem().after(probeTimeout).fail()
                .eventually(() -> probing.set(false))
                .subscribe().with(reply -> answered(), this::unreachable);
    }

    private void unreachable(Throwable failure) {
        State was = state.getAndSet(State.DOWN);
        if (was != State.DOWN) {
            outages.increment();
            Log.warnf("Redis is unreachable (PING: %s); users of Redis carry on without it until it answers", failure.toString());
        }
    }
}
