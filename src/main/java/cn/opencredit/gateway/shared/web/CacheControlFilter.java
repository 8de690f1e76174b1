package cn.opencredit.gateway.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Tells every cache along the way what it may keep (RFC 9111 §5.2.2). A public answer to an
 * anonymous read may be stored but is revalidated on every use ({@code no-cache}): credit data
 * changes at any time, and the ETag makes the revalidation a 304. Everything else, answers to keyed
 * callers, writes and problems, is {@code no-store}: it may hold non-public or personal data, which
 * must not linger in a proxy's or a device's cache.
 */
@ApplicationScoped
public class CacheControlFilter {

    static final String REVALIDATE = "no-cache";
    public static final String NEVER_STORE = "no-store";

    @ServerResponseFilter
    public void cacheControl(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, publicRead(request, response.getStatus()) ? REVALIDATE : NEVER_STORE);
    }

    static boolean publicRead(ContainerRequestContext request, int status) {
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        return read && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null && (status == 200 || status == 304);
    }
}
