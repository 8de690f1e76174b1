package cn.opencredit.gateway.stats;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** The statistics read models; both settings have their values in application.properties. */
@ConfigMapping(prefix = "opencredit.stats")
interface StatsConfig {

    /** How often the statistics read models are recomputed; answers can be this old (plus the time a refresh takes). */
    Duration refreshEvery();

    /** How long after start the first refresh runs, so that it does not compete with the start itself. */
    Duration firstRefreshAfter();
}
