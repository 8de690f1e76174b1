package cn.opencredit.gateway.shared.security;

import java.util.Arrays;

import org.eclipse.microprofile.config.spi.Converter;

/** Reads {@code opencredit.security.trusted-proxies} (comma-separated) when the configuration is loaded, so that a bad entry stops the start. */
public class TrustedProxiesConverter implements Converter<TrustedProxies> {

    @Override
    public TrustedProxies convert(String value) {
        return TrustedProxies.of(Arrays.stream(value.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).toList());
    }
}
