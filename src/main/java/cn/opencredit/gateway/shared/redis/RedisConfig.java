package cn.opencredit.gateway.shared.redis;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How this replica tells an unreachable Redis from a busy one. */
@ConfigMapping(prefix = "opencredit.redis")
public interface RedisConfig {

    /**
     * How long a PING may take before Redis counts as unreachable. Generous: a Redis that answers
     * slowly under load is busy, not gone, and the shared limits must keep asking it.
     */
    @WithDefault("PT1S")
    Duration probeTimeout();
}
