package cn.opencredit.gateway.evaluation;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "opencredit.evaluation")
public interface EvaluationConfig {

    /** Whether this replica evaluates queued subjects and runs jobs; reads are served either way. */
    @WithDefault("true")
    boolean worker();

    /**
     * Loops that evaluate queued subjects on this replica, each with its own connection and batch.
     * One loop alternates between evaluating in Java and waiting for PostgreSQL, so it keeps about
     * one core busy; replicas already share the queue without taking the same entries, and loops of
     * one replica do the same.
     */
    @WithDefault("2")
    @Positive
    int workerLoops();

    /** Subjects a worker takes from the queue at a time. */
    @WithDefault("500")
    @Positive
    int queueBatch();

    /** How long an idle worker waits before it looks at the queue again. */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** Subjects a recompute or backtest evaluates per transaction. */
    @WithDefault("2000")
    int jobBatch();

    /** A running job whose replica has not reported for this long is taken over by another. */
    @WithDefault("PT60S")
    Duration abandonedAfter();
}
