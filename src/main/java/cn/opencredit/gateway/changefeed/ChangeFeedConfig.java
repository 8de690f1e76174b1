package cn.opencredit.gateway.changefeed;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The feed's sequencer. sequence-every has its value in application.properties, where the schedule reads it. */
@ConfigMapping(prefix = "opencredit.changefeed")
interface ChangeFeedConfig {

    /**
     * How often each replica tries to number committed changes (one replica at a time does; a read
     * also numbers before it reads). Bounds how long a change waits before it is readable.
     */
    Duration sequenceEvery();

    /** At most this many queued changes are numbered per transaction of the sequencer. */
    @WithDefault("10000")
    int sequenceBatch();
}
