package cn.opencredit.gateway.shared.environment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Every answer of a sandbox instance says so ({@code OpenCredit-Environment: sandbox}), errors and
 * documentation included, so that an integrator's logs show which platform answered. Live answers
 * carry no such header: the live platform is the default a client assumes.
 */
@ApplicationScoped
public class EnvironmentHeaderFilter {

    public static final String HEADER = "OpenCredit-Environment";
    public static final String SANDBOX = "sandbox";
    private static final int PRIORITY = 1001;

    void register(@Observes Filters filters, EnvironmentConfig config) {
        if (config.enabled()) {
            filters.register(EnvironmentHeaderFilter::mark, PRIORITY);
        }
    }

    private static void mark(RoutingContext context) {
        context.response().putHeader(HEADER, SANDBOX);
        context.next();
    }
}
