package cn.opencredit.gateway.shared.security;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;

@ConfigMapping(prefix = "opencredit.security")
public interface SecurityConfig {

    /**
     * Addresses or CIDR ranges of the reverse proxies and load balancers in front of the gateway,
     * whose {@code X-Forwarded-For} is believed when counting anonymous callers and failed
     * authentications. Empty: the peer address counts, so behind an unlisted proxy every caller
     * counts as the proxy.
     */
    @WithConverter(TrustedProxiesConverter.class)
    Optional<TrustedProxies> trustedProxies();
}
