package cn.opencredit.gateway.shared.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "opencredit.audit")
public interface AuditConfig {

    /**
     * Whether reads of subjects' data are logged. Off only to measure what logging costs: the
     * access log is how leaks are detected and how subjects see who looked them up.
     */
    @WithDefault("true")
    boolean enabled();
}
