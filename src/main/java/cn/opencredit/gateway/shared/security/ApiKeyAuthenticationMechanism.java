package cn.opencredit.gateway.shared.security;

import java.util.Set;

import jakarta.inject.Singleton;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code Authorization: Bearer <key>} → the consumer's identity, with its scopes as roles and the
 * {@link ApiClient} as an attribute. No header → an anonymous identity that carries only the
 * {@link Scopes#ANONYMOUS} role, so endpoints opt in to anonymous callers explicitly.
 */
@Singleton
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String CLIENT_ATTRIBUTE = "opencredit.client";
    public static final String CHALLENGE = "Bearer realm=\"opencredit-gateway\"";

    private static final String BEARER = "bearer ";
    private static final int MAX_KEY_LENGTH = 256;

    private final ApiClientLookup lookup;
    private final SecurityConfig config;

    ApiKeyAuthenticationMechanism(ApiClientLookup lookup, SecurityConfig config) {
        this.lookup = lookup;
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null) {
            return Uni.createFrom().item(anonymous(context));
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the Authorization header must use the Bearer scheme"));
        }
        String key = authorization.substring(BEARER.length()).strip();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the API key is not one this gateway issued"));
        }
        return lookup.findByKey(key)
                .onItem().ifNull().failWith(() -> new AuthenticationFailedException("the API key is unknown, revoked or expired"))
                .map(ApiKeyAuthenticationMechanism::identity);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.UNAUTHORIZED.code(), HttpHeaderNames.WWW_AUTHENTICATE, CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    private SecurityIdentity anonymous(RoutingContext context) {
        String peer = context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
        String address = ClientAddress.resolve(peer, context.request().getHeader("X-Forwarded-For"),
                config.trustedProxies().orElse(java.util.List.of()));
        ApiClient client = new ApiClient(null, null, "anonymous", ApiClient.ANONYMOUS_TYPE, Set.of(Scopes.ANONYMOUS),
                lookup.anonymousPlan(), null, "ip:" + address);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("anonymous"))
                .addRole(Scopes.ANONYMOUS)
                .addAttribute(CLIENT_ATTRIBUTE, client)
                .build();
    }

    private static SecurityIdentity identity(ApiClient client) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(client.consumerId().toString()))
                .addRoles(client.scopes())
                .addAttribute(CLIENT_ATTRIBUTE, client)
                .build();
    }
}
