package dev.syllabus.http;

import io.netty.util.NetUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The proxies whose forwarding headers are believed: addresses and CIDR ranges, IPv4 or IPv6.
 * Only IP literals are accepted, so deciding never needs a DNS lookup.
 */
public final class TrustedProxies {

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Parses {@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code ::1} and the like; throws naming a bad entry. */
    public static TrustedProxies of(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            byte[] address = NetUtil.createByteArrayFromIpAddressString(slash < 0 ? entry : entry.substring(0, slash));
            int bits = address == null ? -1 : address.length * 8;
            int prefix = bits;
            if (address != null && slash >= 0) {
                prefix = parsePrefix(entry.substring(slash + 1), bits);
            }
            if (address == null || prefix < 0) {
                throw new IllegalArgumentException("syllabus.trusted-proxies: '" + entry
                        + "' is not an IP address or CIDR range (such as 10.0.0.0/8)");
            }
            ranges.add(new Range(address, prefix));
        }
        return new TrustedProxies(ranges);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** Whether {@code literal}, an IP address as text, is a trusted proxy; false for anything that is not an IP literal. */
    public boolean contains(String literal) {
        byte[] address = literal == null ? null : NetUtil.createByteArrayFromIpAddressString(literal);
        return address != null && contains(address);
    }

    private boolean contains(byte[] address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    private static int parsePrefix(String text, int bits) {
        if (!text.matches("\\d{1,3}")) {
            return -1;
        }
        int prefix = Integer.parseInt(text);
        return prefix <= bits ? prefix : -1;
    }

    private record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
                return false;
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
