package dev.syllabus.http;

import io.netty.util.NetUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who the client is, from the direct peer and the forwarding headers it sent. The headers count
 * only when the peer is a trusted proxy; the hops are then read from the nearest one outwards,
 * skipping trusted proxies, and the first hop that is not one is the client. Anything malformed
 * ends the walk at the last hop known to be good: a bad header is ignored, never fatal.
 */
public final class ForwardedClient {

    private static final Pattern FORWARDED_FOR = Pattern.compile("(?i)(?:^|;)\\s*for=\"?([^\";,]{1,100})\"?");
    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*"
            + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?::\\d{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](?::\\d{1,5})?");

    private ForwardedClient() {}

    /**
     * The client's address.
     *
     * @param peer the address of the direct peer (an IP literal)
     * @param xForwardedFor every value of {@code X-Forwarded-For}, in order
     * @param forwarded every value of RFC 7239 {@code Forwarded}, in order; read only without X-Forwarded-For
     */
    public static String address(
            String peer, List<String> xForwardedFor, List<String> forwarded, TrustedProxies trusted) {
        if (!trusted.contains(peer)) {
            return peer;
        }
        List<String> hops = xForwardedFor.isEmpty() ? forwardedFor(forwarded) : split(xForwardedFor);
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = literal(hops.get(i));
            if (hop == null) {
                return client;
            }
            client = hop;
            if (!trusted.contains(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** A forwarded host ({@code example.org}, {@code example.org:8443}, {@code [::1]:80}), or null when it is not one. */
    public static String host(String value) {
        if (value == null) {
            return null;
        }
        String host = value.strip();
        return host.length() <= 260 && HOST.matcher(host).matches() ? host : null;
    }

    /** A forwarded scheme, {@code http} or {@code https}, or null when it is anything else. */
    public static String scheme(String value) {
        if (value == null) {
            return null;
        }
        String scheme = value.strip().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") ? scheme : null;
    }

    private static List<String> split(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String value : values) {
            for (String hop : value.split(",", -1)) {
                hops.add(hop);
            }
        }
        return hops;
    }

    private static List<String> forwardedFor(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String element : split(values)) {
            var matcher = FORWARDED_FOR.matcher(element);
            hops.add(matcher.find() ? matcher.group(1) : "");
        }
        return hops;
    }

    /** The IP address in a hop ({@code 192.0.2.1}, {@code [2001:db8::1]:4711}, {@code 192.0.2.1:80}), normalised, or null. */
    private static String literal(String hop) {
        String text = hop.strip();
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            text = end < 0 ? "" : text.substring(1, end);
        } else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') > 0) {
            text = text.substring(0, text.indexOf(':'));
        }
        if (text.isEmpty() || text.length() > 45) {
            return null;
        }
        byte[] address = NetUtil.createByteArrayFromIpAddressString(text);
        return address == null ? null : NetUtil.bytesToIpAddress(address);
    }
}
