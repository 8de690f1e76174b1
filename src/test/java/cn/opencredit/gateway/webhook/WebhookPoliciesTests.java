package cn.opencredit.gateway.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.opencredit.gateway.consent.ConsentCategory;
import cn.opencredit.gateway.shared.problem.Verdict;

class WebhookPoliciesTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "127.0.0.1, loopback-address", "127.255.0.9, loopback-address", "::1, loopback-address",
            "10.0.0.1, private-address", "172.16.0.1, private-address", "172.31.255.254, private-address", "192.168.0.1, private-address",
            "100.64.0.1, shared-address", "100.127.255.254, shared-address",
            "169.254.0.1, link-local-address", "169.254.169.254, metadata-address", "fd00:ec2::254, metadata-address",
            "0.0.0.0, unspecified-address", "0.1.2.3, unspecified-address", "::, unspecified-address",
            "fc00::1, unique-local-address", "fdff:1234::5, unique-local-address", "fe80::1, link-local-address", "febf::1, link-local-address",
            "::ffff:10.0.0.1, private-address", "::ffff:127.0.0.1, loopback-address", "::ffff:169.254.169.254, metadata-address",
            "64:ff9b::a00:1, private-address", "2002:a9fe:a9fe::1, metadata-address", "::a00:1, private-address",
            "224.0.0.1, multicast-address", "ff02::1, multicast-address", "255.255.255.255, reserved-address", "198.18.0.1, reserved-address",
            "2001:db8::1, reserved-address"})
    void shouldRefuseEveryNonPublicAddressNamingItsRange(String address, String code) throws UnknownHostException {
        Verdict verdict = WebhookPolicies.addressPolicy(InetAddress.getByName(address), false);
        assertFalse(verdict.isAllowed(), address);
        assertEquals(code, verdict.errors().getFirst().code(), address);
        assertEquals("url", verdict.errors().getFirst().field());
    }

    @ParameterizedTest
    @CsvSource({"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0", "169.253.255.255",
            "2400:3200::1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"})
    void shouldAllowPublicAddresses(String address) throws UnknownHostException {
        assertTrue(WebhookPolicies.addressPolicy(InetAddress.getByName(address), false).isAllowed(), address);
    }

    @Test
    void shouldAllowOnlyLoopbackWhenLocalTargetsAreAllowed() throws UnknownHostException {
        assertTrue(WebhookPolicies.addressPolicy(InetAddress.getByName("127.0.0.1"), true).isAllowed());
        assertTrue(WebhookPolicies.addressPolicy(InetAddress.getByName("::1"), true).isAllowed());
        assertEquals("private-address", WebhookPolicies.addressPolicy(InetAddress.getByName("10.0.0.1"), true).errors().getFirst().code());
        assertEquals("metadata-address", WebhookPolicies.addressPolicy(InetAddress.getByName("169.254.169.254"), true).errors().getFirst().code());
    }

    @Test
    void shouldRefuseAHostWhenAnyOfItsAddressesIsNotPublic() throws UnknownHostException {
        Verdict verdict = WebhookPolicies.addressesPolicy(List.of(InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.8")), true, false);
        assertEquals("private-address", verdict.errors().getFirst().code());
        assertEquals("unresolvable-host", WebhookPolicies.addressesPolicy(List.of(), true, false).errors().getFirst().code());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"http://8.8.8.8/hook, not-https", "ftp://8.8.8.8/, not-https", "//8.8.8.8/x, invalid-url", "https:///nohost, invalid-url",
            "'https://exa mple.com/', invalid-url", "https://user:secret@8.8.8.8/, credentials-in-url", "https://8.8.8.8/#frag, invalid-url",
            "hooks.bank.cn/x, invalid-url"})
    void shouldRefuseUrlsThatAreNotPlainHttps(String url, String code) {
        WebhookPolicies.ParsedTarget parsed = WebhookPolicies.targetPolicy(url, false);
        assertTrue(parsed.target().isEmpty(), url);
        assertEquals(code, parsed.verdict().errors().getFirst().code(), url);
    }

    @Test
    void shouldTakeHttpsWithPortPathAndQuery() {
        WebhookPolicies.Target target = WebhookPolicies.targetPolicy(" https://Hooks.Bank.example.cn:8443/a/b?x=1 ", false).target().orElseThrow();
        assertEquals("hooks.bank.example.cn", target.host());
        assertEquals(8443, target.port());
        assertTrue(target.https());
        assertEquals(443, WebhookPolicies.targetPolicy("https://[2400:3200::1]/h", false).target().orElseThrow().port());
        assertEquals("2400:3200::1", WebhookPolicies.targetPolicy("https://[2400:3200::1]/h", false).target().orElseThrow().host());
        assertTrue(WebhookPolicies.targetPolicy("http://127.0.0.1:8080/h", true).target().isPresent(), "plain HTTP where local targets are allowed");
    }

    @Test
    void shouldNeedTheConsentCategoryThatCoversWhatTheEventShows() {
        assertEquals(ConsentCategory.PROFILE, WebhookPolicies.consentCategory(WebhookEventType.RECORD_FAILING_PUBLISHED, "PENALTY", "PUBLIC"));
        assertEquals(ConsentCategory.AUTHORISED_RECORDS,
                WebhookPolicies.consentCategory(WebhookEventType.RECORD_FAILING_PUBLISHED, "PENALTY", "AUTHORISED"));
        assertEquals(ConsentCategory.COMMITMENTS, WebhookPolicies.consentCategory(WebhookEventType.RECORD_FAILING_PUBLISHED, "COMMITMENT", "PUBLIC"));
        assertEquals(ConsentCategory.LISTS, WebhookPolicies.consentCategory(WebhookEventType.LIST_ENTRY_ADDED, null, null));
        assertEquals(ConsentCategory.EVALUATION, WebhookPolicies.consentCategory(WebhookEventType.EVALUATION_GRADE_DROPPED, null, null));
    }

    @Test
    void shouldSpaceRetriesExponentiallyWithFullJitterUpToTheCap() {
        Duration initial = Duration.ofSeconds(5);
        Duration max = Duration.ofHours(1);
        assertEquals(Duration.ZERO, WebhookPolicies.retryDelay(1, initial, max, 0));
        assertEquals(Duration.ofMillis(4999), WebhookPolicies.retryDelay(1, initial, max, 0.9998));
        assertEquals(Duration.ofMillis(19999), WebhookPolicies.retryDelay(3, initial, max, 0.999999), "bound 5 s × 2²");
        assertEquals(Duration.ofMinutes(30), WebhookPolicies.retryDelay(40, initial, max, 0.5), "capped, and no overflow");
    }

    @Test
    void shouldRefuseAnEndpointWithoutEventTypesAndBeyondTheLimit() {
        assertEquals("required", WebhookPolicies.eventTypesPolicy(List.of()).errors().getFirst().code());
        assertTrue(WebhookPolicies.eventTypesPolicy(List.of(WebhookEventType.LIST_ENTRY_ADDED)).isAllowed());
        assertFalse(WebhookPolicies.endpointCountPolicy(20, 20).isAllowed());
        assertTrue(WebhookPolicies.endpointCountPolicy(19, 20).isAllowed());
    }
}
