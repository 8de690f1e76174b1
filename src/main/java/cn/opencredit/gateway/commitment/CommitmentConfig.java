package cn.opencredit.gateway.commitment;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "opencredit.commitment")
public interface CommitmentConfig {

    /** Most rows one batch may carry; a larger batch is refused as a whole with 413. */
    @WithDefault("1000")
    int maxRows();

    /**
     * How often open 容缺受理 commitments past their deadline are looked for and breached (an ISO-8601
     * duration, or {@code off}). A commitment is due until the end of its deadline day in China
     * time, so it is breached at the first run after that midnight. Read by the schedule of
     * CommitmentDeadlines.
     */
    @WithDefault("PT10M")
    String breachCheckEvery();

    /** How long the answer to a batch sent with an Idempotency-Key is kept for replay. */
    @WithDefault("PT24H")
    Duration idempotencyTtl();
}
