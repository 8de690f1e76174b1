package cn.opencredit.gateway.consent;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "opencredit.consent")
public interface ConsentConfig {

    /** The longest period a consent may run. */
    @WithDefault("P1Y")
    Period maxPeriod();
}
