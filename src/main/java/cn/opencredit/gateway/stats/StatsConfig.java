package cn.opencredit.gateway.stats;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** The statistics read models; refresh-every has its value in application.properties. */
@ConfigMapping(prefix = "opencredit.stats")
interface StatsConfig {

    /** How often the statistics read models are recomputed; answers can be this old (plus the time a refresh takes). */
    Duration refreshEvery();
}
