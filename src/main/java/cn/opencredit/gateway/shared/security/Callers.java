package cn.opencredit.gateway.shared.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/** The caller of the request being handled, where it can be had without waiting. */
public final class Callers {

    private Callers() {
    }

    /**
     * The identity authentication established for this request, or null while it has not run yet
     * (endpoints resolve identities when their role check needs them). Reading it here costs no
     * reactive pipeline, which matters on the paths every call takes.
     */
    public static SecurityIdentity identity(RoutingContext routing) {
        return routing != null && routing.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }
}
