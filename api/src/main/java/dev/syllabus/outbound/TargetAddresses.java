package dev.syllabus.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may be sent: an HTTPS URL whose host is on the public internet. Loopback,
 * link-local (cloud metadata lives there), private, shared (carrier NAT), unique-local, multicast
 * and unspecified addresses are refused, in IPv4, IPv6 and IPv4 inside IPv6, unless local targets
 * are allowed (for local use and tests).
 */
public final class TargetAddresses {

    private TargetAddresses() {}

    /** Why {@code url} cannot be a webhook's target, or empty when it can (its addresses are checked apart). */
    public static Optional<String> refusal(String url, boolean allowLocal) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowLocal && scheme.equals("http"))) {
            return Optional.of(allowLocal ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        return Optional.empty();
    }

    /** Whether {@code address} is on the public internet. */
    public static boolean isPublic(InetAddress address) {
        if (address instanceof Inet6Address six) {
            byte[] bytes = six.getAddress();
            if (embeddedIpv4(bytes)) {
                return isPublic(ipv4(bytes[12], bytes[13], bytes[14], bytes[15]));
            }
            int first = bytes[0] & 0xff;
            boolean uniqueLocal = (first & 0xfe) == 0xfc; // fc00::/7
            boolean documentation = first == 0x20
                    && (bytes[1] & 0xff) == 0x01
                    && (bytes[2] & 0xff) == 0x0d
                    && (bytes[3] & 0xff) == 0xb8; // 2001:db8::/32
            return !(six.isAnyLocalAddress()
                    || six.isLoopbackAddress()
                    || six.isLinkLocalAddress()
                    || six.isSiteLocalAddress()
                    || six.isMulticastAddress()
                    || uniqueLocal
                    || documentation);
        }
        byte[] bytes = address.getAddress();
        int a = bytes[0] & 0xff;
        int b = bytes[1] & 0xff;
        return !(a == 0 // "this network", 0.0.0.0
                || a == 10
                || a == 127
                || (a == 100 && b >= 64 && b <= 127) // shared address space (carrier NAT)
                || (a == 169 && b == 254) // link-local: cloud metadata at 169.254.169.254
                || (a == 172 && b >= 16 && b <= 31)
                || (a == 192 && b == 168)
                || (a == 192 && b == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                || (a == 198 && (b == 18 || b == 19)) // benchmarking
                || a >= 224); // multicast, reserved, broadcast
    }

    /** IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) or NAT64 (64:ff9b::a.b.c.d). */
    private static boolean embeddedIpv4(byte[] bytes) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= bytes[i] == 0;
        }
        boolean mapped = zeroPrefix && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix
                && bytes[10] == 0
                && bytes[11] == 0
                && !(bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0 && (bytes[15] & 0xfe) == 0);
        boolean nat64 =
                bytes[0] == 0 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = bytes[i] == 0;
        }
        return mapped || compatible || nat64;
    }

    private static InetAddress ipv4(byte a, byte b, byte c, byte d) {
        try {
            return Inet4Address.getByAddress(new byte[] {a, b, c, d});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
