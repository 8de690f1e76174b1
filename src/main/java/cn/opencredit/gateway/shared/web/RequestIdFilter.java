package cn.opencredit.gateway.shared.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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

    /**
     * A random version-4 UUID. The id only correlates logs, audit rows and answers, it guards
     * nothing, so it needs no secure random source, whose lock and system calls every request would pay.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static void assign(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : newId();
        context.request().headers().set(HEADER, id);
        context.response().putHeader(HEADER, id);
        context.next();
    }
}
