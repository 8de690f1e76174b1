package cn.opencredit.gateway.shared.environment;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Live or sandbox: the same jar runs both, each against its own database and Redis database
 * (docs/adr/0014-sandbox-keys-on-a-synthetic-schema.md, docs/capabilities/sandbox.md).
 */
@ConfigMapping(prefix = "opencredit.sandbox")
public interface EnvironmentConfig {

    /** This instance is the sandbox: it issues and accepts only {@code ocg_test_} keys, and holds only synthetic data. */
    @WithDefault("false")
    boolean enabled();

    /** Where integrators find the sandbox; named in the refusal of a test key by a live instance. */
    @WithDefault("https://sandbox.api.opencredit.cn")
    String baseUrl();

    /** Where the live platform is; named in the refusal of a live key by the sandbox. */
    @WithDefault("https://api.opencredit.cn")
    String liveBaseUrl();

    /**
     * The live platform's JDBC URL, when the sandbox's configuration knows it: a sandbox whose
     * datasource is this one refuses to start.
     */
    Optional<String> liveJdbcUrl();

    /** When the sandbox returns to the seed's state (Quarkus cron, China time), or {@code off}. */
    @WithDefault("0 0 3 * * ?")
    String resetCron();
}
