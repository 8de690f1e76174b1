package cn.opencredit.gateway.shared.security;

import java.util.function.BiConsumer;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.RoutingContext;

/**
 * Spares every request the URI-template lookup that Quarkus REST does after authentication.
 * <p>
 * With metrics or tracing on, Quarkus REST puts a handler right after authentication that finds a
 * request's URI template by building a request mapper over all resource classes, on every request,
 * so that a request turned away by authentication before it reaches a resource is still tagged
 * {@code /api/v1/subjects/{uscc}}; then it installs its failure handler, which passes later
 * authentication failures on to the exception mappers. Building that mapper was 15 % of the JVM's
 * time on a cached profile read (docs/benchmarks.md). Here authentication is lazy
 * ({@code quarkus.http.auth.proactive=false}): it fails only inside Quarkus REST, after matching,
 * where the template is known anyway. So this filter, between the two (the priority of
 * authentication, registered after it), installs that same failure handler itself; Quarkus' handler
 * then finds it in place and skips the lookup. Quarkus REST recognises its handler by class, so it
 * is that class's instance, made once; if a Quarkus upgrade removes the class, nothing is installed
 * and the lookup simply runs again (a warning says so at start).
 */
@Singleton
public class DeferredTemplatePath {

    /** The routing-context key under which Quarkus keeps the authentication failure handler. */
    static final String FAILURE_HANDLER = "io.quarkus.vertx.http.auth-failure-handler";
    private static final String QUARKUS_REST_HANDLER =
            "io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder$FailingDefaultAuthFailureHandler";

    private final BiConsumer<?, ?> quarkusRestHandler = quarkusRestHandler();

    void register(@Observes Filters filters) {
        if (quarkusRestHandler != null) {
            filters.register(this::install, SecurityHandlerPriorities.AUTHENTICATION);
        }
    }

    private void install(RoutingContext context) {
        if (context.get(FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
            context.put(FAILURE_HANDLER, quarkusRestHandler);
        }
        context.next();
    }

    private static BiConsumer<?, ?> quarkusRestHandler() {
        try {
            var constructor = Class.forName(QUARKUS_REST_HANDLER).getDeclaredConstructor();
            constructor.setAccessible(true);
            return (BiConsumer<?, ?>) constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.warnf("Quarkus REST has no %s any more: every request's URI template is looked up after authentication again (%s)",
                    QUARKUS_REST_HANDLER, e.toString());
            return null;
        }
    }
}
