package cn.opencredit.gateway.incentive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "opencredit.incentive")
public interface IncentiveConfig {

    /** Most subjects one batch check may name; more is refused with 413. */
    @WithDefault("1000")
    int maxBatch();
}
