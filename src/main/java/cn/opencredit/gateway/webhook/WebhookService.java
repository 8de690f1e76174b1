package cn.opencredit.gateway.webhook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.time.ChinaTime;

/**
 * A consumer's webhook endpoints: registered with a target that passes the SSRF checks, listed,
 * changed, disabled or enabled again, deleted; the signing secret is shown once, at creation and at
 * each rotation. A consumer reaches only its own endpoints: another's answers 404, as one that does
 * not exist, so that ids reveal nothing.
 */
@ApplicationScoped
public class WebhookService {

    private final EndpointRepository endpoints;
    private final WebhookSecrets secrets;
    private final WebhookTargets targets;
    private final WebhookConfig config;
    private final Clock clock;

    WebhookService(EndpointRepository endpoints, WebhookSecrets secrets, WebhookTargets targets, WebhookConfig config, Clock clock) {
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.targets = targets;
        this.config = config;
        this.clock = clock;
    }

    public Uni<EndpointView> register(ApiClient caller, EndpointRequest request) {
        secrets.available().orThrow();
        WebhookPolicies.eventTypesPolicy(request.eventTypes()).orThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String secret = WebhookSecrets.generate();
        return targets.resolve(request.url())
                .chain(() -> endpoints.count(caller.consumerId()))
                .invoke(count -> WebhookPolicies.endpointCountPolicy(count, config.maxEndpoints()).orThrow())
                .chain(() -> endpoints.insert(caller.consumerId(), request.url().strip(), request.description(), request.eventTypes(),
                        secrets.seal(secret, caller.consumerId()), now))
                .map(created -> view(created, secret));
    }

    public Uni<Page<EndpointView>> list(ApiClient caller, String limit, String cursor) {
        String query = "webhook-endpoints|" + caller.consumerId();
        PageRequest page = PageRequest.parse(limit, cursor, query, 1);
        return endpoints.page(caller.consumerId(), page.after(key -> Long.parseLong(key.getFirst())), page.fetchSize())
                .map(rows -> Page.of(rows.stream().map(row -> view(row, null)).toList(), page, query, view -> List.of(view.id())));
    }

    public Uni<EndpointView> find(ApiClient caller, long id) {
        return owned(caller, id).map(row -> view(row, null));
    }

    /**
     * Changes what is given, on the version read. A new URL passes the same checks as at
     * registration; {@code enabled} on a failing or disabled endpoint starts its waiting deliveries
     * again, each with a new retry window.
     */
    public Uni<EndpointView> update(ApiClient caller, long id, EndpointPatchRequest patch) {
        if (patch.eventTypes() != null) {
            WebhookPolicies.eventTypesPolicy(patch.eventTypes()).orThrow();
        }
        if (patch.status() == EndpointStatus.FAILING) {
            Verdict.rejected(WebhookRejection.INVALID_STATUS, "status", "status is enabled or disabled; failing is the gateway's to set").orThrow();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Uni<Void> checked = patch.url() == null ? Uni.createFrom().voidItem() : targets.resolve(patch.url()).replaceWithVoid();
        return checked.chain(() -> owned(caller, id)).chain(row -> {
            EndpointStatus status = patch.status() == null ? row.status() : patch.status();
            boolean reenabled = row.status() != EndpointStatus.ENABLED && status == EndpointStatus.ENABLED;
            EndpointRepository.EndpointRow changed = new EndpointRepository.EndpointRow(row.id(), row.consumerId(),
                    patch.url() == null ? row.url() : patch.url().strip(),
                    patch.description() == null ? row.description() : patch.description().isBlank() ? null : patch.description().strip(),
                    patch.eventTypes() == null ? row.eventTypes() : patch.eventTypes().stream().distinct().toList(), status,
                    status == EndpointStatus.FAILING ? row.failingSince() : null, row.previousSecretUntil(), row.createdAt(), now,
                    row.version(), row.secret(), row.previousSecret());
            return endpoints.update(changed, patch.version(), reenabled, now.plus(config.retryWindow())).map(updated -> updated.orElseThrow(
                    () -> stale(id, row.version(), patch.version())));
        }).map(row -> view(row, null));
    }

    /** A new secret, shown this once; the current one keeps signing as well for {@code opencredit.webhook.rotation-overlap}. */
    public Uni<SecretView> rotateSecret(ApiClient caller, long id) {
        secrets.available().orThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime overlap = now.plus(config.rotationOverlap());
        String secret = WebhookSecrets.generate();
        return endpoints.rotate(id, caller.consumerId(), secrets.seal(secret, caller.consumerId()), overlap, now)
                .map(rotated -> rotated.orElseThrow(() -> notFound(id)))
                .map(rotated -> new SecretView(secret, ChinaTime.inChina(overlap)));
    }

    public Uni<Void> delete(ApiClient caller, long id) {
        return endpoints.delete(id, caller.consumerId()).invoke(deleted -> {
            if (!deleted) {
                throw notFound(id);
            }
        }).replaceWithVoid();
    }

    /** The caller's endpoint, or 404 (also for another consumer's). */
    Uni<EndpointRepository.EndpointRow> owned(ApiClient caller, long id) {
        return endpoints.find(id, caller.consumerId()).map(found -> found.orElseThrow(() -> notFound(id)));
    }

    private static ProblemException notFound(long id) {
        return new ProblemException(ProblemType.NOT_FOUND, "You have no webhook endpoint with id " + id);
    }

    private static ProblemException stale(long id, int version, int read) {
        return new ProblemException(ProblemType.CONFLICT, "Webhook endpoint " + id + " changed since version " + read + " was read (now "
                + version + " or later); read it again");
    }

    private static EndpointView view(EndpointRepository.EndpointRow row, String secret) {
        boolean overlapping = row.previousSecretUntil() != null;
        return new EndpointView(Long.toString(row.id()), row.url(), row.description(), row.eventTypes(), row.status(),
                ChinaTime.inChina(row.failingSince()), overlapping ? ChinaTime.inChina(row.previousSecretUntil()) : null,
                ChinaTime.inChina(row.createdAt()), ChinaTime.inChina(row.updatedAt()), row.version(), secret);
    }
}
