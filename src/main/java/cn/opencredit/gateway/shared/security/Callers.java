package cn.opencredit.gateway.shared.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The caller of the request being handled, for the filters every call passes through: without
 * waiting where authentication has already run, else once it has.
 */
public final class Callers {

    private Callers() {
    }

    /**
     * The caller authentication established for this request, or null while it has not run yet
     * (endpoints resolve identities when their role check needs them). Reading it here costs no
     * reactive pipeline, which matters on the paths every call takes.
     */
    public static ApiClient known(RoutingContext routing) {
        return routing != null && routing.user() instanceof QuarkusHttpUser user ? ApiClient.of(user.getSecurityIdentity()) : null;
    }

    /** The caller once authentication has run; null when it failed, so that the call counts as unauthenticated. */
    public static Uni<ApiClient> resolve(CurrentIdentityAssociation identities) {
        return identities.getDeferredIdentity().map(ApiClient::of).onFailure().recoverWithNull();
    }
}
