package cn.opencredit.gateway.finance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The bank's data package (信易贷). */
@ConfigMapping(prefix = "opencredit.finance.package")
public interface PackageConfig {

    /** At most this many records of each category go out: three years of monthly payments from three utilities. */
    @WithDefault("120")
    int perCategory();

    /** The months a payment summary looks back over, this month included. */
    @WithDefault("12")
    int summaryMonths();
}
