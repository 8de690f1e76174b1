package cn.opencredit.gateway.shared.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request one id: the caller's {@code X-Request-Id} when it is sane, else a new one.
 * It is written back into the request headers, so that problem bodies and audit rows read the
 * same value, and echoed in the response.
 */
@ApplicationScoped
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int PRIORITY = 1000;

    void register(@Observes Filters filters) {
        filters.register(RequestIdFilter::assign, PRIORITY);
    }

    private static void assign(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        context.request().headers().set(HEADER, id);
        context.response().putHeader(HEADER, id);
        context.next();
    }
}
