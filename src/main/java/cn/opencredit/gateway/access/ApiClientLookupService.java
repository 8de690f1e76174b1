package cn.opencredit.gateway.access;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.ratelimit.RatePlan;
import cn.opencredit.gateway.shared.security.ApiClient;
import cn.opencredit.gateway.shared.security.ApiClientLookup;

/**
 * Resolves keys for authentication. Each replica remembers a lookup (found or not) for the key
 * cache TTL, so a key costs at most one query per second per replica, and a revocation or
 * suspension is honoured everywhere within that second without any cross-replica messaging.
 */
@Singleton
public class ApiClientLookupService implements ApiClientLookup {

    /**
     * How long a key found usable keeps its consumer clear of its address's refusal for failed
     * authentications: others behind the same address (a NAT, an unlisted proxy) do not hold off a
     * consumer that was served lately.
     */
    private static final Duration FOUND_LATELY = Duration.ofMinutes(10);

    private final ApiClientRepository repository;
    private final AccessConfig config;
    private final Clock clock;
    private final AsyncCache<String, Optional<ApiClient>> recent;
    /** Keys found usable in the last {@link #FOUND_LATELY}, by hash; holds no caller data. */
    private final Cache<String, Boolean> foundLately;
    private final Map<String, RatePlan> ratePlans = new ConcurrentHashMap<>();

    ApiClientLookupService(ApiClientRepository repository, AccessConfig config, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.clock = clock;
        this.recent = Caffeine.newBuilder().expireAfterWrite(config.access().keyCacheTtl()).maximumSize(100_000).buildAsync();
        this.foundLately = Caffeine.newBuilder().expireAfterWrite(FOUND_LATELY).maximumSize(100_000).build();
        // Fail at start-up, not on the first call of some consumer, when the plans are misconfigured.
        config.plans().keySet().forEach(this::ratePlan);
        ratePlan(config.access().anonymousPlan());
        ratePlan(config.access().defaultPlan());
    }

    @Override
    public Uni<ApiClient> findByKey(String presentedKey) {
        byte[] hash = ApiKeys.hash(presentedKey);
        String hex = HexFormat.of().formatHex(hash);
        // Noted when the key is loaded, once a key cache TTL, not on every call the cache answers.
        return Uni.createFrom()
                .completionStage(() -> recent.get(hex, (ignored, executor) -> repository.findUsable(hash, OffsetDateTime.now(clock))
                        .invoke(client -> {
                            if (client != null) {
                                foundLately.put(hex, Boolean.TRUE);
                            }
                        })
                        .map(Optional::ofNullable).subscribeAsCompletionStage()))
                .map(found -> found.orElse(null));
    }

    @Override
    public boolean foundLately(String presentedKey) {
        return foundLately.getIfPresent(HexFormat.of().formatHex(ApiKeys.hash(presentedKey))) != null;
    }

    @Override
    public String anonymousPlan() {
        return config.access().anonymousPlan();
    }

    @Override
    public RatePlan ratePlan(String planName) {
        return ratePlans.computeIfAbsent(planName, name -> {
            AccessConfig.Plan plan = config.plans().get(name);
            if (plan == null) {
                throw new IllegalStateException("plan " + name + " is held by a consumer but not configured");
            }
            return new RatePlan(name, plan.ratePerSecond(), plan.burst(), plan.dailyQuota());
        });
    }
}
