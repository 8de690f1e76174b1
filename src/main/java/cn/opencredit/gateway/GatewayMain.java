package cn.opencredit.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import cn.opencredit.gateway.shared.problem.RequestUriFilter;

/**
 * Starts the gateway. Quarkus' HTTP layer refuses a request URI that {@link java.net.URI} cannot
 * parse with an empty 400 before any handler runs; the gateway checks URIs itself
 * ({@link RequestUriFilter}), with the same parser, and answers with a problem body instead. The
 * switch is a system property read once when the HTTP layer starts, so it is set here, first.
 */
@QuarkusMain
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String... args) {
        System.setProperty(RequestUriFilter.URI_VALIDATION_SWITCH, "true");
        Quarkus.run(args);
    }
}
