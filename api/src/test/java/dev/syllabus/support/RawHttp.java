package dev.syllabus.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A deliberately naive HTTP/1.1 client over a plain socket, for sending what polite clients
 * refuse to send (empty or malformed forwarding headers, control characters, odd media types)
 * and for telling an answer that never comes from a slow one. One request per connection.
 */
public final class RawHttp {

    /** An answer; {@code status} is -1 when none came within the time allowed. */
    public record Answer(int status, Map<String, String> headers, byte[] body, Duration took) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public boolean answered() {
            return status > 0;
        }
    }

    private final int port;
    private final Duration timeout;
    private final String from;

    public RawHttp(int port, Duration timeout) {
        this(port, timeout, null);
    }

    /** A client whose connections come from {@code from}, a local address such as 127.0.0.2. */
    public RawHttp(int port, Duration timeout, String from) {
        this.port = port;
        this.timeout = timeout;
        this.from = from;
    }

    public Answer get(String target, Map<String, String> headers) throws IOException {
        return send("GET", target, List.copyOf(headers.entrySet()), null);
    }

    public Answer postJson(String target, Map<String, String> headers, String json) throws IOException {
        List<Map.Entry<String, String>> all = new ArrayList<>(headers.entrySet());
        all.add(Map.entry("Content-Type", "application/json"));
        return send("POST", target, all, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends one request. {@code target} goes on the request line as it is; header values are sent
     * as ISO-8859-1 bytes.
     */
    public Answer send(String method, String target, List<Map.Entry<String, String>> headers, byte[] body)
            throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(
                    (method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            for (Map.Entry<String, String> header : headers) {
                request.writeBytes(
                        (header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            if (body != null) {
                request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                request.writeBytes(body);
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            byte[] raw;
            try {
                raw = readUntilClosed(socket.getInputStream(), start);
            } catch (SocketTimeoutException e) {
                return new Answer(-1, Map.of(), new byte[0], Duration.ofNanos(System.nanoTime() - start));
            }
            return parse(raw, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private byte[] readUntilClosed(InputStream in, long start) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            all.write(buffer, 0, read);
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new SocketTimeoutException("the answer did not end in time");
            }
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw, Duration took) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            return new Answer(-1, Map.of(), raw, took);
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(
                    lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        if ("gzip".equalsIgnoreCase(headers.get("content-encoding")) && body.length > 0) {
            try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = gzip.readAllBytes();
            }
        }
        return new Answer(status, headers, body, took);
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(
                    Arrays.copyOfRange(chunked, at, chunked.length), "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            int size = Integer.parseInt(
                    new String(chunked, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, at + lineEnd + 2, size);
            at += lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
