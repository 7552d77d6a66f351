package dev.syllabus.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses and URLs a webhook may target. */
class TargetAddressesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.255.0.9",
                "0.0.0.0",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "100.127.255.254",
                "224.0.0.1",
                "255.255.255.255",
                "198.18.0.1",
                "192.0.0.170",
                "::1",
                "::",
                "fe80::1",
                "fc00::1",
                "fd00:ec2::254",
                "::ffff:127.0.0.1",
                "::ffff:169.254.169.254",
                "::ffff:10.0.0.1",
                "64:ff9b::a9fe:a9fe",
                "::127.0.0.1",
                "ff02::1",
                "2001:db8::1"
            })
    void privateLoopbackLinkLocalAndMetadataAddressesAreRefused(String address) throws Exception {
        assertThat(TargetAddresses.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.1.1.1",
                "8.8.8.8",
                "140.82.112.3",
                "172.15.255.255",
                "172.32.0.1",
                "100.63.255.255",
                "100.128.0.1",
                "192.169.0.1",
                "169.253.0.1",
                "2606:4700:4700::1111",
                "2a00:1450:4001::200e",
                "::ffff:8.8.8.8"
            })
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(TargetAddresses.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http://example.com/hook|false|must be an https URL",
                "ftp://example.com/hook|true|must be an http or https URL",
                "https:///hook|false|must name a host",
                "https://user:secret@example.com/hook|false|must not carry a user name or password",
                "https://example.com/hook#part|false|must not have a fragment",
                "https://exa mple.com|false|is not a URL",
                "hook|true|must be an http or https URL"
            })
    void urlsThatCannotBeTargetsAreRefusedWithTheReason(String url, boolean allowLocal, String reason) {
        assertThat(TargetAddresses.refusal(url, allowLocal)).contains(reason);
    }

    @ParameterizedTest
    @CsvSource({"https://example.com/hooks/syllabus,false", "http://127.0.0.1:8080/hook,true", "https://[::1]/x,true"})
    void usableUrlsPass(String url, boolean allowLocal) {
        assertThat(TargetAddresses.refusal(url, allowLocal)).isEmpty();
    }
}
