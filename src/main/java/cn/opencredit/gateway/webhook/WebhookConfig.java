package cn.opencredit.gateway.webhook;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "opencredit.webhook")
public interface WebhookConfig {

    /** How often each replica looks for new events and due deliveries; with the send, bounds the latency from commit to delivery. */
    @WithDefault("PT0.25S")
    Duration pollEvery();

    /** Outbox rows one dispatch takes, and deliveries one claim takes. */
    @WithDefault("100")
    int batchSize();

    /** Deliveries one replica sends at once at most. */
    @WithDefault("400")
    int maxInFlight();

    /** How long a claimed delivery is the claiming replica's; after it another replica sends it again under the same id. */
    @WithDefault("PT1M")
    Duration lease();

    /** How long the receiver has to answer one attempt. */
    @WithDefault("PT10S")
    Duration timeout();

    /** The first retry waits at most this long (full jitter: a random delay between 0 and the bound). */
    @WithDefault("PT5S")
    Duration initialRetryDelay();

    /** The bound of the retry delay doubles each attempt up to this. */
    @WithDefault("PT1H")
    Duration maxRetryDelay();

    /** How long a delivery is retried before it fails and its endpoint is marked failing. */
    @WithDefault("PT24H")
    Duration retryWindow();

    /** How long the previous secret keeps signing after a rotation. */
    @WithDefault("PT24H")
    Duration rotationOverlap();

    /** Endpoints one consumer may register. */
    @WithDefault("20")
    int maxEndpoints();

    /**
     * AES-256 key (base64 of 32 bytes) that encrypts the endpoints' signing secrets at rest. No
     * default: without it endpoints are refused (503) and nothing is delivered.
     */
    Optional<String> secretKey();

    /**
     * Tests only: lets endpoints target loopback addresses (127.0.0.0/8, ::1) over plain HTTP, so a
     * test can run its own receiver. Every other private or reserved range stays refused.
     */
    @WithDefault("false")
    boolean allowLocalTargets();
}
