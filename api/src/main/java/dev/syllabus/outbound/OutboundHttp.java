package dev.syllabus.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Calls a third party's server (a webhook receiver, a learning platform) and says what came back.
 * The server's name is resolved, and its addresses checked, when the connection is made (so a
 * name that pointed somewhere public when it was saved cannot be turned to a private address
 * later); redirects are not followed; at most {@code maxAnswerBytes} of the answer are read; and
 * the whole exchange, however slowly the server trickles, ends at {@code deadline}.
 */
public final class OutboundHttp implements AutoCloseable {

    /** What the receiver answered ({@code status} 0: no answer, see {@code error}). */
    public record Answer(int status, String firstBytes, String error) {
        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * A whole answer, up to the cap ({@code status} 0: no answer, see {@code error}); {@code link}
     * is its {@code Link} header, or null.
     */
    public record Reply(int status, String body, String link, String error) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** How much of an answer is kept to show the instructor. */
    static final int KEPT_ANSWER_CHARS = 500;

    private final CloseableHttpClient client;
    private final Duration deadline;
    private final int maxAnswerBytes;
    private final ScheduledExecutorService deadlines;

    public OutboundHttp(
            String userAgent,
            boolean allowLocal,
            Duration timeout,
            Duration deadline,
            int maxAnswerBytes,
            int connections) {
        this.deadline = deadline;
        this.maxAnswerBytes = maxAnswerBytes;
        this.deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, userAgent + "-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        Timeout limit = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedResolver(allowLocal))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit)
                                .setSocketTimeout(limit)
                                .build())
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(limit)
                        .setConnectionRequestTimeout(limit)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent(userAgent)
                .build();
    }

    /** Posts {@code body} (JSON) with {@code headers} to {@code url}. Never throws: a failure is an answer. */
    public Answer post(String url, Map<String, String> headers, String body) {
        HttpPost post;
        try {
            post = new HttpPost(URI.create(url));
        } catch (IllegalArgumentException e) {
            return new Answer(0, null, "the URL is not valid");
        }
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        ScheduledFuture<?> timer = deadlines.schedule(post::cancel, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            String first = response.getEntity() == null
                    ? ""
                    : firstBytes(response.getEntity().getContent());
            return new Answer(response.getCode(), first, null);
        } catch (RefusedAddress e) {
            return new Answer(0, null, e.getMessage());
        } catch (IOException e) {
            return new Answer(
                    0, null, post.isCancelled() ? "no answer within " + deadline.toSeconds() + " s" : describe(e));
        } finally {
            timer.cancel(false);
        }
    }

    /** Sends {@code request} and reads its whole answer (up to the cap). Never throws: a failure is a reply. */
    /** {@code fields} as {@code application/x-www-form-urlencoded}: a form's body, or a query string. */
    public static String formEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public Reply exchange(HttpUriRequestBase request) {
        ScheduledFuture<?> timer = deadlines.schedule(request::cancel, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
            String body = response.getEntity() == null
                    ? ""
                    : new String(response.getEntity().getContent().readNBytes(maxAnswerBytes), StandardCharsets.UTF_8);
            Header link = response.getFirstHeader("Link");
            return new Reply(response.getCode(), body, link == null ? null : link.getValue(), null);
        } catch (RefusedAddress e) {
            return new Reply(0, null, null, e.getMessage());
        } catch (IOException e) {
            return new Reply(
                    0,
                    null,
                    null,
                    request.isCancelled() ? "no answer within " + deadline.toSeconds() + " s" : describe(e));
        } finally {
            timer.cancel(false);
        }
    }

    /**
     * The answer's first bytes, reading no more than the cap; closing the response then drops the
     * connection rather than reading on.
     */
    private String firstBytes(InputStream in) throws IOException {
        byte[] read = in.readNBytes(maxAnswerBytes);
        String text = new String(read, 0, Math.min(read.length, KEPT_ANSWER_CHARS * 4), StandardCharsets.UTF_8);
        return text.length() > KEPT_ANSWER_CHARS ? text.substring(0, KEPT_ANSWER_CHARS) : text;
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    /** Resolves as the system does, then refuses a name with any address off the public internet. */
    private record CheckedResolver(boolean allowLocal) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
            if (!allowLocal) {
                InetAddress refused = Arrays.stream(addresses)
                        .filter(address -> !TargetAddresses.isPublic(address))
                        .findFirst()
                        .orElse(null);
                if (refused != null) {
                    throw new RefusedAddress(
                            host + " resolves to " + refused.getHostAddress() + ", which is not a public address");
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }

    /** A server's name that resolves to an address this client may not reach. */
    static final class RefusedAddress extends UnknownHostException {
        RefusedAddress(String message) {
            super(message);
        }
    }
}
