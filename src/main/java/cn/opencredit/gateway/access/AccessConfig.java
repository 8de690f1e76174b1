package cn.opencredit.gateway.access;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "opencredit")
public interface AccessConfig {

    /** Rate plans by name: what consumers on each plan may call. */
    Map<String, Plan> plans();

    Access access();

    Bootstrap bootstrap();

    interface Plan {
        /** Sustained requests per second. */
        double ratePerSecond();

        /** Requests that may arrive at once on top of the sustained rate. */
        int burst();

        /** Requests per calendar day (Asia/Shanghai). */
        long dailyQuota();
    }

    interface Access {
        /**
         * How long a replica trusts what it looked up about a key. Revoking a key or suspending a
         * consumer takes effect on every replica within this time.
         */
        @WithDefault("PT1S")
        Duration keyCacheTtl();

        /** The plan of callers without a key. */
        @WithDefault("anonymous")
        String anonymousPlan();

        /** The plan of new consumers when none is given. */
        @WithDefault("standard")
        String defaultPlan();
    }

    interface Bootstrap {
        /**
         * Key of the first operator, created at start-up when no operator exists. Give it through
         * the environment ({@code OPENCREDIT_BOOTSTRAP_OPERATOR_KEY}), never in a file.
         */
        @WithName("operator-key")
        Optional<String> operatorKey();
    }
}
