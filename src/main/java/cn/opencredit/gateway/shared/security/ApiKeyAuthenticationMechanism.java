package cn.opencredit.gateway.shared.security;

import java.util.Set;
import java.util.function.Supplier;

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

import cn.opencredit.gateway.shared.environment.EnvironmentConfig;
import cn.opencredit.gateway.shared.environment.KeyEnvironment;
import cn.opencredit.gateway.shared.environment.WrongEnvironmentKeyException;
import cn.opencredit.gateway.shared.problem.ProblemType;

/**
 * {@code Authorization: Bearer <key>} → the consumer's identity, with its scopes as roles and the
 * {@link ApiClient} as an attribute. No header → an anonymous identity that carries only the
 * {@link Scopes#ANONYMOUS} role, so endpoints opt in to anonymous callers explicitly. A key that
 * fails is counted against the caller's address ({@link AuthenticationFailures}).
 */
@Singleton
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String CLIENT_ATTRIBUTE = "opencredit.client";
    public static final String CHALLENGE = "Bearer realm=\"opencredit-gateway\"";

    private static final String BEARER = "bearer ";
    private static final int MAX_KEY_LENGTH = 256;

    private final ApiClientLookup lookup;
    private final AuthenticationFailures failures;
    private final TrustedProxies trusted;
    private final EnvironmentConfig environment;

    ApiKeyAuthenticationMechanism(ApiClientLookup lookup, AuthenticationFailures failures, SecurityConfig config, EnvironmentConfig environment) {
        this.lookup = lookup;
        this.failures = failures;
        this.trusted = config.trustedProxies().orElse(TrustedProxies.NONE);
        this.environment = environment;
    }

    /**
     * Every failure counts against the caller's address; past its budget the address is turned
     * away before its key is looked up, so that guessing keys costs the data store nothing. A key
     * found usable lately on this replica is not a guess, and is looked up as usual.
     */
    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null) {
            return Uni.createFrom().item(anonymous(context));
        }
        boolean bearer = authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        String key = bearer ? authorization.substring(BEARER.length()).strip() : null;
        if (key != null && key.length() > MAX_KEY_LENGTH) {
            key = null;
        }
        if (key != null) {
            AuthenticationFailedException wrong = wrongEnvironment(key);
            if (wrong != null) {
                return Uni.createFrom().failure(wrong);
            }
        }
        CallerAddress address = new CallerAddress(context, trusted);
        AuthenticationFailures.Refusal refused = failures.refusedNow(address);
        if (refused != null && (key == null || !lookup.foundLately(key))) {
            return Uni.createFrom().failure(tooMany(refused));
        }
        if (key == null) {
            return failed(address.get(), bearer ? "the API key is not one this gateway issued" : "the Authorization header must use the Bearer scheme");
        }
        return lookup.findByKey(key).chain(client -> client == null
                ? failed(address.get(), "the API key is unknown, revoked or expired")
                : Uni.createFrom().item(identity(client)));
    }

    /**
     * A key of the other environment is refused before any lookup, so that neither database is asked
     * about the other's keys; it is an integrator's slip, not a guess, and is not counted as a failure.
     */
    private AuthenticationFailedException wrongEnvironment(String key) {
        WrongEnvironmentKeyException wrong = null;
        if (environment.enabled() && KeyEnvironment.isLiveKey(key)) {
            wrong = new WrongEnvironmentKeyException(ProblemType.LIVE_KEY_ON_SANDBOX, "This is the sandbox, which accepts only test keys ("
                    + KeyEnvironment.TEST_PREFIX + "…); send live keys to " + environment.liveBaseUrl());
        } else if (!environment.enabled() && KeyEnvironment.isTestKey(key)) {
            wrong = new WrongEnvironmentKeyException(ProblemType.TEST_KEY_ON_LIVE, "Test keys (" + KeyEnvironment.TEST_PREFIX
                    + "…) work only in the sandbox, " + environment.baseUrl() + "; the live platform needs a live key from its operator");
        }
        return wrong == null ? null : new AuthenticationFailedException(wrong.getMessage(), wrong);
    }

    /** The caller's address, worked out only when a failure is to be counted or a refusal may stand. */
    private static final class CallerAddress implements Supplier<String> {

        private final RoutingContext context;
        private final TrustedProxies trusted;
        private String address;

        CallerAddress(RoutingContext context, TrustedProxies trusted) {
            this.context = context;
            this.trusted = trusted;
        }

        @Override
        public String get() {
            if (address == null) {
                address = ClientAddress.of(context.request(), trusted);
            }
            return address;
        }
    }

    private Uni<SecurityIdentity> failed(String address, String reason) {
        return failures.failed(address).chain(refusal -> Uni.createFrom().failure(refusal == null
                ? new AuthenticationFailedException(reason) : tooMany(refusal)));
    }

    private static AuthenticationFailedException tooMany(AuthenticationFailures.Refusal refusal) {
        return new AuthenticationFailedException(refusal.detail(), new TooManyFailedAuthenticationsException(refusal));
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
        ApiClient client = new ApiClient(null, null, "anonymous", ApiClient.ANONYMOUS_TYPE, Set.of(Scopes.ANONYMOUS),
                lookup.anonymousPlan(), null, "ip:" + ClientAddress.of(context.request(), trusted));
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
