package cn.opencredit.gateway.shared.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import cn.opencredit.gateway.shared.cache.CachedJson;

/** A cacheable answer as HTTP: ETag, X-Cache, and 304 when the client already holds it (RFC 9110 §13.1.2). */
public final class ConditionalResponses {

    public static final String X_CACHE = "X-Cache";

    private ConditionalResponses() {
    }

    /** The body goes out as the cached bytes: no serialiser and no character encoding on a hit. */
    public static RestResponse<byte[]> of(CachedJson answer, String ifNoneMatch) {
        RestResponse.ResponseBuilder<byte[]> response = matches(ifNoneMatch, answer.etag())
                ? RestResponse.ResponseBuilder.<byte[]>create(RestResponse.Status.NOT_MODIFIED)
                : RestResponse.ResponseBuilder.ok(answer.body(), MediaType.APPLICATION_JSON_TYPE);
        return response.header(HttpHeaders.ETAG, answer.etag())
                .header(X_CACHE, answer.hit() ? "HIT" : "MISS")
                .header(HttpHeaders.VARY, "Authorization")
                .build();
    }

    /** If-None-Match uses the weak comparison: W/ prefixes are ignored; * matches any current representation. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
