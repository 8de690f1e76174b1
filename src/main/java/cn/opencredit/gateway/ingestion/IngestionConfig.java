package cn.opencredit.gateway.ingestion;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "opencredit.ingestion")
public interface IngestionConfig {

    /** Most rows one batch may carry; a larger batch is refused as a whole with 413. */
    @WithDefault("5000")
    int maxRows();

    /**
     * Largest request body a batch may have, refused with a 413 problem above it. Keep it below
     * {@code quarkus.http.limits.max-body-size}: bodies over that are cut off by the HTTP layer
     * before they reach the gateway, with a bare 413 and no problem body.
     */
    @WithDefault("8M")
    MemorySize maxBodySize();

    /**
     * Most bytes an XLSX batch may unpack to; a workbook over it is refused with 413 before it is
     * parsed. 5 000 rows of a national template unpack to about 15 MB.
     */
    @WithDefault("64M")
    MemorySize maxWorkbookUnpacked();

    /**
     * Secret of the HMAC-SHA256 under which natural persons' identity numbers (证件号码, 法定代表人证件号码)
     * are kept, at least 32 characters; the numbers themselves are never stored. Without it, legal
     * representatives' numbers are dropped and rows about natural persons are refused, since such a
     * person could not be recognised again. Changing it makes earlier hashes unmatchable.
     */
    Optional<String> identityHashKey();

    /** How long the answer to a batch sent with an Idempotency-Key is kept for replay. */
    @WithDefault("PT24H")
    Duration idempotencyTtl();
}
