package dev.syllabus.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.util.NetUtil;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** Who the client is, from the peer and the forwarding headers: the rules, without a server. */
class ForwardedClientTest {

    private static final TrustedProxies PROXIES = TrustedProxies.of(List.of("10.0.0.0/8", "127.0.0.1", "fd00::/8"));

    @Test
    void headersFromAPeerThatIsNoProxyAreIgnored() {
        assertThat(ForwardedClient.address("203.0.113.9", List.of("1.2.3.4"), List.of(), PROXIES))
                .isEqualTo("203.0.113.9");
        assertThat(ForwardedClient.address("203.0.113.9", List.of(), List.of("for=1.2.3.4"), PROXIES))
                .isEqualTo("203.0.113.9");
        assertThat(ForwardedClient.address("127.0.0.1", List.of("1.2.3.4"), List.of(), TrustedProxies.none()))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void theClientIsTheNearestHopThatIsNoProxySoAPrependedAddressIsNotBelieved() {
        assertThat(ForwardedClient.address("10.0.0.5", List.of("6.6.6.6, 198.51.100.7, 10.1.2.3"), List.of(), PROXIES))
                .isEqualTo("198.51.100.7");
        assertThat(ForwardedClient.address("10.0.0.5", List.of("6.6.6.6", "198.51.100.7"), List.of(), PROXIES))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void forwardedIsReadWhenThereIsNoXForwardedFor() {
        assertThat(ForwardedClient.address(
                        "10.0.0.5", List.of(), List.of("for=\"[2001:db8::1]:4711\";proto=https"), PROXIES))
                .isEqualTo("2001:db8::1");
        assertThat(ForwardedClient.address(
                        "10.0.0.5", List.of(), List.of("for=192.0.2.60;by=10.0.0.1, for=10.0.0.9"), PROXIES))
                .isEqualTo("192.0.2.60");
    }

    @Test
    void malformedHopsEndTheWalkAtTheLastGoodOne() {
        assertThat(ForwardedClient.address("10.0.0.5", List.of(""), List.of(), PROXIES))
                .isEqualTo("10.0.0.5");
        assertThat(ForwardedClient.address("10.0.0.5", List.of("foo"), List.of(), PROXIES))
                .isEqualTo("10.0.0.5");
        assertThat(ForwardedClient.address("10.0.0.5", List.of("198.51.100.7, foo, 10.0.0.7"), List.of(), PROXIES))
                .isEqualTo("10.0.0.7");
        assertThat(ForwardedClient.address("10.0.0.5", List.of("x".repeat(300)), List.of(), PROXIES))
                .isEqualTo("10.0.0.5");
        assertThat(ForwardedClient.address("10.0.0.5", List.of("999.1.1.1"), List.of(), PROXIES))
                .isEqualTo("10.0.0.5");
        assertThat(ForwardedClient.address("10.0.0.5", List.of(), List.of("for=_hidden"), PROXIES))
                .isEqualTo("10.0.0.5");
        assertThat(ForwardedClient.address("10.0.0.5", List.of("[2001:db8::1"), List.of(), PROXIES))
                .as("an unclosed bracket")
                .isEqualTo("10.0.0.5");
        assertThat(ForwardedClient.address("10.0.0.5", List.of(":80"), List.of(), PROXIES))
                .as("a port without an address")
                .isEqualTo("10.0.0.5");
    }

    @Test
    void hopsAreNormalisedAddressesWithoutTheirPorts() {
        assertThat(ForwardedClient.address("10.0.0.5", List.of("192.0.2.1:80"), List.of(), PROXIES))
                .isEqualTo("192.0.2.1");
        assertThat(ForwardedClient.address("10.0.0.5", List.of("[2001:DB8:0::1]:4711"), List.of(), PROXIES))
                .isEqualTo("2001:db8::1");
        assertThat(ForwardedClient.address("10.0.0.5", List.of("2001:db8::1"), List.of(), PROXIES))
                .as("an IPv6 hop without brackets keeps all its colons")
                .isEqualTo("2001:db8::1");
        String longestLiteral = "0000:0000:0000:0000:0000:ffff:192.168.100.228";
        assertThat(longestLiteral).hasSize(45);
        assertThat(ForwardedClient.address("10.0.0.5", List.of(longestLiteral), List.of(), PROXIES))
                .isEqualTo(NetUtil.bytesToIpAddress(NetUtil.createByteArrayFromIpAddressString(longestLiteral)));
    }

    @Property(tries = 500)
    void whateverTheHeadersSayTheAnswerIsThePeerOrAnAddressTheyNamed(
            @ForAll @StringLength(max = 80) String xForwardedFor, @ForAll @StringLength(max = 80) String forwarded) {
        String client = ForwardedClient.address("10.0.0.5", List.of(xForwardedFor), List.of(forwarded), PROXIES);
        assertThat(client).satisfiesAnyOf(address -> assertThat(address).isEqualTo("10.0.0.5"), address -> assertThat(
                        NetUtil.isValidIpV4Address(address) || NetUtil.isValidIpV6Address(address))
                .isTrue());
    }

    /**
     * A chain as proxies write it: whatever the client claimed (spoofed hops), the client as the
     * first trusted proxy saw it, then the trusted proxies it passed; in one header or one per hop,
     * as X-Forwarded-For or as Forwarded. The answer is always the client: never a spoofed hop, never
     * one of the proxies.
     */
    @Property(tries = 500)
    void theClientIsTheNearestHopThatIsNoProxyWhateverItClaimedBefore(
            @ForAll("untrusted") List<String> spoofed,
            @ForAll("untrustedAddress") String client,
            @ForAll("trusted") List<String> proxies,
            @ForAll boolean onePerHop,
            @ForAll boolean forwardedForm) {
        List<String> chain = new ArrayList<>(spoofed);
        chain.add(client);
        chain.addAll(proxies);
        List<String> hops =
                forwardedForm ? chain.stream().map(hop -> "for=" + hop).toList() : chain;
        List<String> headers = onePerHop ? hops : List.of(String.join(", ", hops));

        String answer = forwardedForm
                ? ForwardedClient.address("10.0.0.5", List.of(), headers, PROXIES)
                : ForwardedClient.address("10.0.0.5", headers, List.of(), PROXIES);

        assertThat(answer).isEqualTo(client);
        Statistics.label("spoofed hops before the client").collect(Math.min(spoofed.size(), 2));
        Statistics.label("spoofed hops before the client")
                .coverage(coverage -> coverage.check(0).percentage(percent -> percent < 60));
    }

    @Provide
    Arbitrary<String> untrustedAddress() {
        // Public documentation ranges and others; none in the trusted 10.0.0.0/8 or 127.0.0.1.
        return Combinators.combine(
                        Arbitraries.of(192, 198, 203, 8, 172, 100),
                        Arbitraries.integers().between(0, 255),
                        Arbitraries.integers().between(0, 255),
                        Arbitraries.integers().between(1, 254))
                .as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
    }

    @Provide
    Arbitrary<List<String>> untrusted() {
        return untrustedAddress().list().ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<String>> trusted() {
        Arbitrary<String> inside = Arbitraries.integers()
                .between(0, 255)
                .list()
                .ofSize(3)
                .map(parts -> "10." + parts.get(0) + "." + parts.get(1) + "." + parts.get(2));
        return Arbitraries.oneOf(inside, Arbitraries.just("127.0.0.1")).list().ofMaxSize(3);
    }

    @Test
    void forwardedHostsAndSchemesAreKeptOnlyWhenWellFormed() {
        assertThat(ForwardedClient.host("syllabus.example.org:8443")).isEqualTo("syllabus.example.org:8443");
        assertThat(ForwardedClient.host("[::1]:80")).isEqualTo("[::1]:80");
        assertThat(ForwardedClient.host("")).isNull();
        assertThat(ForwardedClient.host("a b")).isNull();
        assertThat(ForwardedClient.host("evil.example/path")).isNull();
        String longestName = String.join(".", List.of("a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(63)));
        assertThat(ForwardedClient.host(longestName + ":8443"))
                .as("the longest host kept")
                .hasSize(260);
        assertThat(ForwardedClient.host(longestName + ":84430")).isNull();
        assertThat(ForwardedClient.host(null)).isNull();
        assertThat(ForwardedClient.scheme("HTTPS")).isEqualTo("https");
        assertThat(ForwardedClient.scheme(" http ")).isEqualTo("http");
        assertThat(ForwardedClient.scheme(null)).isNull();
        assertThat(ForwardedClient.scheme("gopher")).isNull();
    }

    @Test
    void trustedProxiesAreIpAddressesOrRangesAndNothingElse() {
        TrustedProxies proxies = TrustedProxies.of(List.of(" 192.168.0.0/16 ", "::1", ""));
        assertThat(proxies.contains("192.168.44.1")).isTrue();
        assertThat(proxies.contains("192.169.0.1")).isFalse();
        assertThat(proxies.contains("::1")).isTrue();
        assertThat(proxies.contains("localhost")).as("never a DNS lookup").isFalse();
        assertThat(TrustedProxies.of(List.of("10.0.0.0/12")).contains("10.15.255.255"))
                .isTrue();
        assertThat(TrustedProxies.of(List.of("10.0.0.0/12")).contains("10.16.0.0"))
                .isFalse();
        assertThat(TrustedProxies.of(List.of("0.0.0.0/0")).contains("203.0.113.9"))
                .as("a /0 range trusts every address of its family")
                .isTrue();
        assertThat(TrustedProxies.of(List.of("0.0.0.0/0")).contains("2001:db8::1"))
                .isFalse();
        assertThat(TrustedProxies.of(List.of("10.1.2.3/32")).contains("10.1.2.3"))
                .isTrue();
        assertThat(TrustedProxies.of(List.of("10.1.2.3/32")).contains("10.1.2.4"))
                .isFalse();
        assertThat(TrustedProxies.of(List.of("fd00::/128")).contains("fd00::")).isTrue();
        assertThat(proxies.contains((String) null)).isFalse();
        assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.internal"))).hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("/8"))).hasMessageContaining("/8");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/x"))).hasMessageContaining("10.0.0.0/x");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).hasMessageContaining("10.0.0.0/33");
    }
}
