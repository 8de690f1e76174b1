package cn.opencredit.gateway.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.environment.EnvironmentConfig;
import cn.opencredit.gateway.shared.paging.Page;
import cn.opencredit.gateway.shared.paging.PageRequest;
import cn.opencredit.gateway.shared.problem.Verdict;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;

/** Operators' management of consumers and keys. */
@ApplicationScoped
public class ConsumerService {

    private final ConsumerRepository repository;
    private final AccessConfig config;
    private final Clock clock;
    private final boolean sandbox;

    ConsumerService(ConsumerRepository repository, AccessConfig config, Clock clock, EnvironmentConfig environment) {
        this.repository = repository;
        this.config = config;
        this.clock = clock;
        this.sandbox = environment.enabled();
    }

    @WithTransaction
    public Uni<ConsumerView> create(ConsumerRequest request) {
        Log.debugf("create consumer name=%s type=%s", request.name(), request.type());
        List<String> scopes = request.scopes() == null ? request.type().defaultScopes() : List.copyOf(request.scopes());
        String plan = request.plan() == null ? config.access().defaultPlan() : request.plan();
        String boundUscc = request.boundUscc() == null ? null : request.boundUscc().value();
        Verdict.all(List.of(AccessPolicies.scopesPolicy(request.type(), scopes), AccessPolicies.bindingPolicy(request.type(), boundUscc, scopes),
                AccessPolicies.planPolicy(plan, config.plans().keySet()))).orThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Consumer consumer = new Consumer();
        consumer.id = UUID.randomUUID();
        consumer.name = request.name().strip();
        consumer.type = request.type();
        consumer.scopes = scopes.stream().distinct().toArray(String[]::new);
        consumer.plan = plan;
        consumer.boundUscc = boundUscc;
        consumer.status = ConsumerStatus.ACTIVE;
        consumer.createdAt = now;
        consumer.updatedAt = now;
        return repository.persist(consumer).map(saved -> ConsumerMapper.toView(saved, now, true));
    }

    @WithSession
    public Uni<Page<ConsumerView>> list(Optional<ConsumerType> type, String limit, String cursor) {
        String query = "consumers|" + type.map(Enum::name).orElse("");
        PageRequest page = PageRequest.parse(limit, cursor, query, 2);
        Optional<List<String>> after = page.after(key -> List.of(OffsetDateTime.parse(key.get(0)).toString(), UUID.fromString(key.get(1)).toString()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        return repository.page(type, after.map(k -> OffsetDateTime.parse(k.get(0))), after.map(k -> UUID.fromString(k.get(1))), page.fetchSize())
                .map(rows -> Page.of(rows, page, query, c -> List.of(c.createdAt.toString(), c.id.toString()))
                        .map(c -> ConsumerMapper.toView(c, now, false)));
    }

    @WithSession
    public Uni<ConsumerView> get(UUID id) {
        return require(id).map(consumer -> ConsumerMapper.toView(consumer, OffsetDateTime.now(clock), true));
    }

    @WithTransaction
    public Uni<ConsumerView> update(UUID id, ConsumerPatchRequest patch) {
        Log.debugf("update consumer %s", id);
        return require(id).map(consumer -> {
            List<String> scopes = patch.scopes() == null ? List.of(consumer.scopes) : List.copyOf(patch.scopes());
            Verdict.all(List.of(AccessPolicies.scopesPolicy(consumer.type, scopes), AccessPolicies.bindingPolicy(consumer.type, consumer.boundUscc, scopes),
                    patch.plan() == null ? Verdict.ALLOWED : AccessPolicies.planPolicy(patch.plan(), config.plans().keySet()))).orThrow();
            consumer.scopes = scopes.stream().distinct().toArray(String[]::new);
            consumer.plan = patch.plan() == null ? consumer.plan : patch.plan();
            consumer.status = patch.status() == null ? consumer.status : patch.status();
            consumer.updatedAt = OffsetDateTime.now(clock);
            return ConsumerMapper.toView(consumer, consumer.updatedAt, true);
        });
    }

    @WithTransaction
    public Uni<IssuedKeyView> issueKey(UUID id, KeyRequest request) {
        Log.debugf("issue key for consumer %s", id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expiresAt = request == null ? null : request.expiresAt();
        return require(id).map(consumer -> {
            long usable = consumer.keys.stream().filter(k -> AccessPolicies.usableKeyPolicy(k.expiresAt, k.revokedAt, now)).count();
            Verdict.all(List.of(AccessPolicies.keyCountPolicy(usable), AccessPolicies.keyExpiryPolicy(expiresAt, now))).orThrow();
            String secret = ApiKeys.generate(sandbox);
            ApiKey key = newKey(consumer, secret, now, expiresAt);
            consumer.keys.add(key);
            return new IssuedKeyView(key.id, secret, key.prefix, ConsumerMapper.china(key.createdAt), ConsumerMapper.china(key.expiresAt));
        });
    }

    @WithTransaction
    public Uni<Void> revokeKey(UUID id, UUID keyId) {
        Log.debugf("revoke key %s of consumer %s", keyId, id);
        return require(id).map(consumer -> consumer.keys.stream().filter(k -> k.id.equals(keyId)).findFirst()
                        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "Consumer " + id + " has no key " + keyId)))
                .invoke(key -> {
                    if (key.revokedAt == null) {
                        key.revokedAt = OffsetDateTime.now(clock);
                    }
                })
                .replaceWithVoid();
    }

    /** Creates the first operator with the configured key, when there is none yet. */
    @WithTransaction
    public Uni<Boolean> bootstrapOperator(String secret) {
        return repository.countOperators().chain(operators -> {
            if (operators > 0) {
                return Uni.createFrom().item(false);
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            Consumer operator = new Consumer();
            operator.id = UUID.randomUUID();
            operator.name = "bootstrap operator";
            operator.type = ConsumerType.OPERATOR;
            operator.scopes = ConsumerType.OPERATOR.defaultScopes().toArray(String[]::new);
            operator.plan = config.access().defaultPlan();
            operator.status = ConsumerStatus.ACTIVE;
            operator.createdAt = now;
            operator.updatedAt = now;
            operator.keys.add(newKey(operator, secret, now, null));
            return repository.persist(operator).replaceWith(true);
        });
    }

    private static ApiKey newKey(Consumer consumer, String secret, OffsetDateTime now, OffsetDateTime expiresAt) {
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.consumer = consumer;
        key.prefix = ApiKeys.prefix(secret);
        key.keyHash = ApiKeys.hash(secret);
        key.createdAt = now;
        key.expiresAt = expiresAt;
        return key;
    }

    private Uni<Consumer> require(UUID id) {
        return repository.findWithKeys(id).onItem().ifNull()
                .failWith(() -> new ProblemException(ProblemType.NOT_FOUND, "No consumer with id " + id));
    }
}
