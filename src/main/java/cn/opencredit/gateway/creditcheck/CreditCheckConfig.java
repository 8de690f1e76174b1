package cn.opencredit.gateway.creditcheck;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "opencredit.creditcheck")
public interface CreditCheckConfig {

    /** Subjects one check takes; more is a 413 (split the batch). */
    @WithDefault("1000")
    int maxSubjects();

    /** The longest statistics window, in months. */
    @WithDefault("24")
    int maxStatisticsMonths();
}
