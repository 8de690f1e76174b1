package cn.opencredit.gateway.objection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "opencredit.objection")
public interface ObjectionConfig {

    /**
     * Working days the source department has to decide an objection, counted from the day after it
     * was filed with the shipped calendar. No national figure could be confirmed (docs/capabilities/
     * objection.md); set the local rule's.
     */
    @WithDefault("10")
    int decideWithinWorkingDays();
}
