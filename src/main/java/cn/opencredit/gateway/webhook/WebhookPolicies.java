package cn.opencredit.gateway.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.opencredit.gateway.consent.ConsentCategory;
import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.Verdict;

/** The rules of webhooks: which targets may be called, what an event needs consented, how retries are spaced. */
final class WebhookPolicies {

    private WebhookPolicies() {
    }

    /** A target as registered: the URL, its scheme, host and port. */
    record Target(URI uri, boolean https, String host, int port) {
    }

    /** A parsed target, or why the URL is refused. */
    record ParsedTarget(Optional<Target> target, Verdict verdict) {
    }

    /**
     * An absolute HTTPS URL with a host and without credentials; plain HTTP only where local
     * targets are allowed (tests), and only to loopback ({@link #addressPolicy} decides that).
     */
    static ParsedTarget targetPolicy(String url, boolean allowLocalTargets) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return refused(WebhookRejection.INVALID_URL, "url is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null) {
            return refused(WebhookRejection.INVALID_URL, "url must be an absolute URL with a host and without a fragment");
        }
        boolean https = scheme.equals("https");
        if (!https && !(scheme.equals("http") && allowLocalTargets)) {
            return refused(WebhookRejection.NOT_HTTPS, "url must use https, not " + (scheme.isEmpty() ? "no scheme" : scheme));
        }
        if (uri.getRawUserInfo() != null) {
            return refused(WebhookRejection.CREDENTIALS_IN_URL, "url must not carry credentials; verify the signature instead");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        return new ParsedTarget(Optional.of(new Target(uri, https, host.toLowerCase(Locale.ROOT), port)), Verdict.ALLOWED);
    }

    private static ParsedTarget refused(WebhookRejection reason, String message) {
        return new ParsedTarget(Optional.empty(), Verdict.rejected(reason, "url", message));
    }

    /** A range of addresses no webhook may reach, and why. */
    private record Range(byte[] prefix, int bits, WebhookRejection reason, String name) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Most specific first: the metadata address lies inside link-local, and is named as what it is. */
    private static final List<Range> REFUSED = List.of(
            range("169.254.169.254/32", WebhookRejection.METADATA_ADDRESS, "cloud metadata service"),
            range("fd00:ec2::254/128", WebhookRejection.METADATA_ADDRESS, "cloud metadata service"),
            range("0.0.0.0/8", WebhookRejection.UNSPECIFIED_ADDRESS, "this network"),
            range("10.0.0.0/8", WebhookRejection.PRIVATE_ADDRESS, "private"),
            range("100.64.0.0/10", WebhookRejection.SHARED_ADDRESS, "carrier-grade NAT"),
            range("127.0.0.0/8", WebhookRejection.LOOPBACK_ADDRESS, "loopback"),
            range("169.254.0.0/16", WebhookRejection.LINK_LOCAL_ADDRESS, "link-local"),
            range("172.16.0.0/12", WebhookRejection.PRIVATE_ADDRESS, "private"),
            range("192.0.0.0/24", WebhookRejection.RESERVED_ADDRESS, "IETF protocol assignments"),
            range("192.0.2.0/24", WebhookRejection.RESERVED_ADDRESS, "documentation"),
            range("192.88.99.0/24", WebhookRejection.RESERVED_ADDRESS, "6to4 relay"),
            range("192.168.0.0/16", WebhookRejection.PRIVATE_ADDRESS, "private"),
            range("198.18.0.0/15", WebhookRejection.RESERVED_ADDRESS, "benchmarking"),
            range("198.51.100.0/24", WebhookRejection.RESERVED_ADDRESS, "documentation"),
            range("203.0.113.0/24", WebhookRejection.RESERVED_ADDRESS, "documentation"),
            range("224.0.0.0/4", WebhookRejection.MULTICAST_ADDRESS, "multicast"),
            range("240.0.0.0/4", WebhookRejection.RESERVED_ADDRESS, "reserved and broadcast"),
            range("::/128", WebhookRejection.UNSPECIFIED_ADDRESS, "unspecified"),
            range("::1/128", WebhookRejection.LOOPBACK_ADDRESS, "loopback"),
            range("100::/64", WebhookRejection.RESERVED_ADDRESS, "discard"),
            range("2001::/32", WebhookRejection.RESERVED_ADDRESS, "Teredo"),
            range("2001:db8::/32", WebhookRejection.RESERVED_ADDRESS, "documentation"),
            range("fc00::/7", WebhookRejection.UNIQUE_LOCAL_ADDRESS, "unique local"),
            range("fe80::/10", WebhookRejection.LINK_LOCAL_ADDRESS, "link-local"),
            range("fec0::/10", WebhookRejection.RESERVED_ADDRESS, "site-local"),
            range("ff00::/8", WebhookRejection.MULTICAST_ADDRESS, "multicast"));

    /** IPv6 forms that carry an IPv4 address, and where it sits in them: mapped, compatible, NAT64, 6to4. */
    private static final Map<Range, Integer> EMBEDDING_IPV4 = Map.of(
            range("::ffff:0:0/96", WebhookRejection.RESERVED_ADDRESS, "IPv4-mapped"), 12,
            range("::/96", WebhookRejection.RESERVED_ADDRESS, "IPv4-compatible"), 12,
            range("64:ff9b::/96", WebhookRejection.RESERVED_ADDRESS, "NAT64"), 12,
            range("2002::/16", WebhookRejection.RESERVED_ADDRESS, "6to4"), 2);

    /**
     * Whether a webhook may connect to {@code address}: only a public one. Where local targets are
     * allowed (tests) loopback is too; no other range ever is. IPv6 forms that embed an IPv4
     * address are judged by that address.
     */
    static Verdict addressPolicy(InetAddress address, boolean allowLocalTargets) {
        byte[] bytes = address.getAddress();
        for (Range range : REFUSED) {
            if (range.contains(bytes)) {
                if (allowLocalTargets && range.reason() == WebhookRejection.LOOPBACK_ADDRESS) {
                    return Verdict.ALLOWED;
                }
                return Verdict.rejected(range.reason(), "url", "url resolves to " + address.getHostAddress() + ", a " + range.name()
                        + " address; webhooks go to public addresses only");
            }
        }
        for (Map.Entry<Range, Integer> embedding : EMBEDDING_IPV4.entrySet()) {
            if (embedding.getKey().contains(bytes)) {
                byte[] v4 = java.util.Arrays.copyOfRange(bytes, embedding.getValue(), embedding.getValue() + 4);
                Verdict embedded = addressPolicy(ipv4(v4), allowLocalTargets);
                if (!embedded.isAllowed()) {
                    return embedded;
                }
            }
        }
        return Verdict.ALLOWED;
    }

    /**
     * Every address the host resolves to must be allowed: a resolver may answer any of them at
     * connection time. Plain HTTP (only accepted where local targets are) goes to loopback only.
     */
    static Verdict addressesPolicy(List<InetAddress> addresses, boolean https, boolean allowLocalTargets) {
        if (addresses.isEmpty()) {
            return Verdict.rejected(WebhookRejection.UNRESOLVABLE_HOST, "url", "url's host does not resolve");
        }
        if (!https && !addresses.stream().allMatch(InetAddress::isLoopbackAddress)) {
            return Verdict.rejected(WebhookRejection.NOT_HTTPS, "url", "url must use https; plain http is for a local test receiver only");
        }
        for (InetAddress address : addresses) {
            Verdict verdict = addressPolicy(address, allowLocalTargets);
            if (!verdict.isAllowed()) {
                return verdict;
            }
        }
        return Verdict.ALLOWED;
    }

    /**
     * The consent category a consumer needs to receive an event: list entries need lists, grade
     * drops the evaluation, a broken commitment the commitments; other failings the authorised
     * records when they are of that level, the profile (with its public record summary) when public.
     */
    static ConsentCategory consentCategory(WebhookEventType type, String recordCategory, String disclosureLevel) {
        return switch (type) {
            case LIST_ENTRY_ADDED -> ConsentCategory.LISTS;
            case EVALUATION_GRADE_DROPPED -> ConsentCategory.EVALUATION;
            case RECORD_FAILING_PUBLISHED -> "COMMITMENT".equals(recordCategory) ? ConsentCategory.COMMITMENTS
                    : "AUTHORISED".equals(disclosureLevel) ? ConsentCategory.AUTHORISED_RECORDS : ConsentCategory.PROFILE;
        };
    }

    /**
     * The wait before the next attempt after {@code attempts} failed ones: exponential backoff with
     * full jitter, a random share ({@code random} in [0, 1)) of min(max, initial × 2^(attempts − 1)).
     */
    static Duration retryDelay(int attempts, Duration initial, Duration max, double random) {
        long bound = initial.toMillis();
        for (int i = 1; i < attempts && bound < max.toMillis(); i++) {
            bound *= 2;
        }
        bound = Math.min(bound, max.toMillis());
        return Duration.ofMillis((long) (random * bound));
    }

    /** An endpoint registration names at least one event type. */
    static Verdict eventTypesPolicy(List<WebhookEventType> types) {
        return types == null || types.isEmpty() ? Verdict.rejected(WebhookRejection.NO_EVENT_TYPES, "eventTypes",
                "name at least one event type") : Verdict.ALLOWED;
    }

    /** A consumer keeps at most {@code max} endpoints. */
    static Verdict endpointCountPolicy(long existing, int max) {
        return existing >= max ? new Verdict.Rejected(WebhookRejection.TOO_MANY_ENDPOINTS, "A consumer has at most " + max
                + " webhook endpoints; delete one first", List.<FieldError>of()) : Verdict.ALLOWED;
    }

    private static Range range(String cidr, WebhookRejection reason, String name) {
        String[] parts = cidr.split("/");
        try {
            return new Range(literal(parts[0]), Integer.parseInt(parts[1]), reason, name);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }

    /** The bytes of an address literal, IPv6 kept as 16 bytes even where Java would fold it to IPv4. */
    private static byte[] literal(String text) throws UnknownHostException {
        if (!text.contains(":")) {
            return InetAddress.getByName(text).getAddress();
        }
        byte[] bytes = InetAddress.getByName(text).getAddress();
        if (bytes.length == 16) {
            return bytes;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        return mapped;
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("four bytes are an IPv4 address", e);
        }
    }
}
