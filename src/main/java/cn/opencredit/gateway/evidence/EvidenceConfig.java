package cn.opencredit.gateway.evidence;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "opencredit.evidence")
public interface EvidenceConfig {

    /** Largest evidence file; larger ones are refused with 413. Keep it below quarkus.http.limits.max-body-size. */
    @WithDefault("5M")
    MemorySize maxSize();
}
