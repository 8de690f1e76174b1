package cn.opencredit.gateway.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import cn.opencredit.gateway.shared.problem.Verdict;

/**
 * Resolves an endpoint's URL to the address a webhook may connect to, or refuses it
 * ({@link WebhookPolicies#targetPolicy}, {@link WebhookPolicies#addressesPolicy}). Registration asks
 * it, and so does every delivery attempt, which then connects to exactly the address checked, so a
 * DNS answer that changes between the check and the connection cannot redirect it.
 */
@ApplicationScoped
class WebhookTargets {

    private final WebhookConfig config;

    WebhookTargets(WebhookConfig config) {
        this.config = config;
    }

    /** A target that passed every check, and the address to connect to. */
    record Resolved(WebhookPolicies.Target target, InetAddress address) {
    }

    /** The checked target, or a failure with the refusal as a problem (400). Name resolution blocks, so it runs on a worker thread. */
    Uni<Resolved> resolve(String url) {
        WebhookPolicies.ParsedTarget parsed = WebhookPolicies.targetPolicy(url, config.allowLocalTargets());
        parsed.verdict().orThrow();
        WebhookPolicies.Target target = parsed.target().orElseThrow();
        return Uni.createFrom().item(() -> addresses(target.host())).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).map(addresses -> {
            Verdict verdict = WebhookPolicies.addressesPolicy(addresses, target.https(), config.allowLocalTargets());
            verdict.orThrow();
            return new Resolved(target, addresses.getFirst());
        });
    }

    private static List<InetAddress> addresses(String host) {
        try {
            return Arrays.asList(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
