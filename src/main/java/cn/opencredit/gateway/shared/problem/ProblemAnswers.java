package cn.opencredit.gateway.shared.problem;

import java.util.List;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import cn.opencredit.gateway.shared.web.CacheControlFilter;
import cn.opencredit.gateway.shared.web.RequestIdFilter;

/**
 * A {@link ProblemException} answered where no exception mapper runs: by a route filter before the
 * application (body limit, malformed URI) or by a response filter after it (the access log that
 * could not be written). The body, status and headers are the ones {@link ProblemExceptionMappers}
 * writes for the same problem, so that every error has one shape.
 */
public final class ProblemAnswers {

    /** Headers a resource sets about the answer it gives, not about the exchange. */
    private static final List<String> DESCRIBING_THE_ANSWER = List.of(HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, HttpHeaders.LOCATION,
            HttpHeaders.CONTENT_LOCATION, "X-Cache", "Idempotent-Replayed");

    private ProblemAnswers() {
    }

    /** Ends the exchange with the problem; completes when the answer is written. */
    public static Future<Void> end(RoutingContext context, ProblemException problem, ObjectMapper json) {
        String path = context.request().path();
        String instance = path == null ? "/" : path.length() > 200 ? path.substring(0, 200) + "…" : path;
        ProblemDetail body = ProblemDetail.of(problem.type(), problem.detail(), instance, context.request().getHeader(RequestIdFilter.HEADER),
                problem.errors(), problem.eligibleFrom());
        context.response().setStatusCode(body.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, CacheControlFilter.NEVER_STORE);
        if (problem.retryAfterSeconds() > 0) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
        }
        try {
            return context.response().end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem detail is always serialisable", e);
        }
    }

    /**
     * Replaces the answer a resource gave with the problem. The headers that described the answer
     * go with it: an ETag or a cache state of data that was not sent would let a client keep or
     * revalidate what it never received.
     */
    public static void replace(ContainerResponseContext response, ProblemException problem, String instance, String requestId) {
        response.setStatus(problem.type().status());
        DESCRIBING_THE_ANSWER.forEach(response.getHeaders()::remove);
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CacheControlFilter.NEVER_STORE);
        if (problem.retryAfterSeconds() > 0) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
        }
        response.setEntity(ProblemDetail.of(problem.type(), problem.detail(), instance, requestId, problem.errors(), problem.eligibleFrom()), null,
                MediaType.valueOf(ProblemDetail.MEDIA_TYPE));
    }

    /** The problem of an entry the access or operations log could not take: no data leaves unlogged. */
    public static ProblemException unlogged() {
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "The access could not be logged, so no data was returned; retry later",
                List.of(), 1);
    }
}
