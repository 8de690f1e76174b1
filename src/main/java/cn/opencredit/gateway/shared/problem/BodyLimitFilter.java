package cn.opencredit.gateway.shared.problem;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

import cn.opencredit.gateway.shared.web.RequestIdFilter;

/**
 * Refuses a body whose announced length is over {@code quarkus.http.limits.max-body-size} with a
 * 413 problem, before any of it is read. Left to the HTTP layer, the same refusal is a bare 413
 * without a body, which clients cannot tell from a proxy's. A chunked body, whose length is not
 * announced, is still cut off by the HTTP layer once it passes the limit.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** After {@link RequestIdFilter}, so that the problem names the request's id. */
    private static final int PRIORITY = 900;
    /** How long what the client still sends is read and dropped before the connection is closed. */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private final long limit;
    private final ObjectMapper json;

    BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        String announced = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length = parse(announced);
        if (length <= limit) {
            context.next();
            return;
        }
        ProblemException problem = new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                "The body announces " + announced.trim() + " bytes; a request body may have at most " + limit,
                List.of(new FieldError("body", "too-large", "more than " + limit + " bytes")));
        if (context.request().version() == HttpVersion.HTTP_2) {
            // A stream of its own: ending it leaves the connection to the other streams.
            ProblemAnswers.end(context, problem, json);
            return;
        }
        // The unread body would otherwise be taken for the next request on this connection.
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        Future<Void> sent = ProblemAnswers.end(context, problem, json);
        closeOnceDrained(context, sent);
    }

    /**
     * Closes the connection once the answer is out and the client has stopped sending, and after
     * {@link #DRAIN} whatever happened. Closed at once, while the client is still sending, the
     * socket would answer the rest with a reset, which can make the client drop the 413 before
     * reading it (RFC 9112 §9.6).
     */
    private static void closeOnceDrained(RoutingContext context, Future<Void> sent) {
        HttpServerRequest request = context.request();
        long timer = context.vertx().setTimer(DRAIN.toMillis(), expired -> request.connection().close());
        Future<Void> drained = request.isEnded() ? Future.succeededFuture() : drain(request);
        Future.join(sent, drained).onComplete(done -> {
            context.vertx().cancelTimer(timer);
            request.connection().close();
        });
    }

    /** Reads and drops the rest of the body; completes when the client has sent it all or gone. */
    private static Future<Void> drain(HttpServerRequest request) {
        Promise<Void> drained = Promise.promise();
        request.handler(discarded -> {
        });
        request.endHandler(ended -> drained.tryComplete());
        request.exceptionHandler(failed -> drained.tryComplete());
        request.resume();
        return drained.future();
    }

    /** The announced length, or -1 when there is none; a malformed one is left for the HTTP layer to refuse. */
    private static long parse(String announced) {
        if (announced == null) {
            return -1;
        }
        try {
            return Long.parseLong(announced.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
