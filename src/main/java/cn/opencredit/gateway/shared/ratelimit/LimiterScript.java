package cn.opencredit.gateway.shared.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

import cn.opencredit.gateway.shared.ratelimit.RateDecision.Limit;

/**
 * The transport of {@code ratelimit/acquire.lua}: one run decides calls of one consumer that
 * arrived together, atomically inside Redis. Sent by digest, and in full when Redis has not seen
 * the script yet (after a restart or a SCRIPT FLUSH).
 */
final class LimiterScript {

    private static final String SCRIPT = "/ratelimit/acquire.lua";

    private final Supplier<Redis> redis;
    private final String keyPrefix;
    private final String script;
    private final String sha;

    /** @param redis the client to send a run on, asked on the thread that sends it */
    LimiterScript(Supplier<Redis> redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.script = read();
        this.sha = sha1(script);
    }

    /** Decides {@code calls} calls of {@code consumerKey} under {@code plan}, in arrival order. */
    Uni<GcraPolicy.Batch> run(String consumerKey, RatePlan plan, int calls) {
        // The consumer in braces is the Redis Cluster hash tag: both keys land in one slot.
        String keys = keyPrefix + "{" + consumerKey + "}:";
        return evaluate(Command.EVALSHA, sha, keys, plan, calls)
                // EVAL rather than SCRIPT LOAD: a cluster client sends SCRIPT LOAD to any node,
                // while EVAL goes to the node holding the keys and leaves the script cached there.
                .onFailure(LimiterScript::scriptMissing)
                .recoverWithUni(missing -> evaluate(Command.EVAL, script, keys, plan, calls))
                .map(LimiterScript::batch);
    }

    private Uni<Response> evaluate(Command command, String scriptOrSha, String keys, RatePlan plan, int calls) {
        return redis.get().send(Request.cmd(command)
                .arg(scriptOrSha)
                .arg(2)
                .arg(keys + "tat")
                .arg(keys + "day:")
                .arg(GcraPolicy.emissionIntervalMicros(plan))
                .arg(plan.burst())
                .arg(plan.dailyQuota())
                .arg(calls));
    }

    private static GcraPolicy.Batch batch(Response reply) {
        String refusedBy = reply.get(1).toString();
        return new GcraPolicy.Batch(reply.get(0).toInteger(), refusedBy.isEmpty() ? null : Limit.valueOf(refusedBy.toUpperCase(Locale.ROOT)),
                reply.get(2).toLong(), reply.get(3).toLong(), reply.get(4).toLong(), reply.get(5).toLong());
    }

    private static boolean scriptMissing(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    static String read() {
        try (InputStream in = LimiterScript.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("Rate limit script " + SCRIPT + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-1", e);
        }
    }
}
