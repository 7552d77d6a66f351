package dev.syllabus.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syllabus.course.Courses;
import dev.syllabus.domain.DomainException;
import dev.syllabus.outbound.OutboundHttp;
import dev.syllabus.outbound.RetrySchedule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Sends queued scores to the platforms (LTI AGS 2.0): every second, each due score is taken by one
 * sender (of any replica) for one attempt: an access token, the homework's line item (found by
 * {@code resourceId}, or made), then the score. A failure is tried again on the retry schedule and,
 * after it, every eight hours: a score waits as long as the platform is down, and nothing is lost.
 */
@ApplicationScoped
public class LtiScoreSender {

    static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
    static final String LINE_ITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
    static final String LINE_ITEMS_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    private static final int BATCH = 20;
    /** How long one attempt holds its score; longer than any call's deadline. */
    private static final Duration HOLD = Duration.ofSeconds(60);

    private static final Duration AFTER_THE_SCHEDULE = Duration.ofHours(8);
    private static final Logger LOG = Logger.getLogger(LtiScoreSender.class);

    private final PlatformCalls calls;
    private final PlatformTokens tokens;
    private final Courses courses;
    private final ObjectMapper json;

    LtiScoreSender(PlatformCalls calls, PlatformTokens tokens, Courses courses, ObjectMapper json) {
        this.calls = calls;
        this.tokens = tokens;
        this.courses = courses;
        this.json = json;
    }

    /** What one attempt sends, read in one transaction. */
    private record Attempt(
            long scoreId,
            int version,
            String body,
            String homework,
            String title,
            long contextId,
            String lineItemsUrl,
            String lineItemUrl,
            PlatformTokens.Client client) {}

    @Scheduled(
            every = "${syllabus.lti.poll:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDue() {
        try {
            sendDueNow();
        } catch (RuntimeException e) {
            // The database is away (an outage, a restart): the scores wait in it; say so once a minute.
            Instant now = Instant.now();
            if (lastComplaint.plus(Duration.ofMinutes(1)).isBefore(now)) {
                lastComplaint = now;
                LOG.warnf("Scores for learning platforms cannot be read now (%s); they wait", e.getMessage());
            }
        }
    }

    private volatile Instant lastComplaint = Instant.EPOCH;

    private void sendDueNow() {
        Instant now = Instant.now();
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> LtiScoreEntity.due(now, BATCH));
        for (long id : due) {
            Instant claimedAt = Instant.now();
            if (QuarkusTransaction.requiringNew()
                    .call(() -> LtiScoreEntity.claim(id, claimedAt, claimedAt.plus(HOLD)))) {
                send(id);
            }
        }
    }

    private void send(long id) {
        Attempt attempt = QuarkusTransaction.requiringNew().call(() -> attemptOf(id));
        if (attempt == null) {
            return;
        }
        OutboundHttp.Reply reply;
        try {
            String token = tokens.token(attempt.client());
            String lineItem = attempt.lineItemUrl() != null ? attempt.lineItemUrl() : lineItem(attempt, token);
            reply = calls.call("POST", scoresOf(lineItem), token, "application/json", SCORE_TYPE, attempt.body());
        } catch (DomainException refused) {
            reply = new OutboundHttp.Reply(0, null, null, refused.getMessage());
        }
        if (reply.status() == 401) {
            tokens.forget(attempt.client().platformId());
        }
        OutboundHttp.Reply outcome = reply;
        QuarkusTransaction.requiringNew().run(() -> record(attempt, outcome));
    }

    private Attempt attemptOf(long id) {
        LtiScoreEntity score = LtiScoreEntity.findById(id);
        LtiContextEntity context = score == null ? null : LtiContextEntity.findById(score.contextId);
        LtiPlatformEntity platform = context == null ? null : LtiPlatformEntity.findById(context.platformId);
        if (platform == null || context.lineItemsUrl == null) {
            return null;
        }
        String title = courses.published(context.courseId)
                .flatMap(course -> course.homework()
                        .filter(h -> h.code().equals(score.homeworkCode))
                        .findFirst())
                .map(h -> h.code() + ": " + h.title())
                .orElse(score.homeworkCode);
        return new Attempt(
                score.id,
                score.version,
                score.body,
                score.homeworkCode,
                title,
                context.id,
                context.lineItemsUrl,
                LtiLineItemEntity.of(context.id, score.homeworkCode)
                        .map(item -> item.url)
                        .orElse(null),
                new PlatformTokens.Client(platform.id, platform.clientId, platform.tokenEndpoint));
    }

    /** The homework's line item in the platform course: found by its resource id (the homework code), else made. */
    private String lineItem(Attempt attempt, String token) {
        String query = (attempt.lineItemsUrl().contains("?") ? "&" : "?") + "resource_id="
                + URLEncoder.encode(attempt.homework(), StandardCharsets.UTF_8);
        OutboundHttp.Reply found =
                calls.call("GET", attempt.lineItemsUrl() + query, token, LINE_ITEMS_TYPE, null, null);
        JsonNode items = calls.parse("its line items", found, attempt.lineItemsUrl());
        String url = null;
        for (JsonNode item : items) {
            if (attempt.homework().equals(item.path("resourceId").asText())) {
                url = item.path("id").asText(null);
                break;
            }
        }
        if (url == null) {
            String body = json.createObjectNode()
                    .put("scoreMaximum", ScoreRule.MAXIMUM)
                    .put("label", attempt.title())
                    .put("resourceId", attempt.homework())
                    .put("tag", "syllabus")
                    .toString();
            OutboundHttp.Reply made =
                    calls.call("POST", attempt.lineItemsUrl(), token, LINE_ITEM_TYPE, LINE_ITEM_TYPE, body);
            url = calls.parse("a new line item", made, attempt.lineItemsUrl())
                    .path("id")
                    .asText(null);
        }
        if (url == null || url.isBlank()) {
            throw DomainException.upstreamFailed("The platform's line item for " + attempt.homework() + " has no id.");
        }
        String kept = url;
        QuarkusTransaction.requiringNew().run(() -> {
            if (LtiLineItemEntity.of(attempt.contextId(), attempt.homework()).isEmpty()) {
                LtiLineItemEntity item = new LtiLineItemEntity();
                item.contextId = attempt.contextId();
                item.homeworkCode = attempt.homework();
                item.url = kept;
                item.persist();
            }
        });
        return url;
    }

    private void record(Attempt attempt, OutboundHttp.Reply reply) {
        // Locked: a score queued or resent meanwhile must not be overwritten by this attempt's outcome.
        LtiScoreEntity score = LtiScoreEntity.findById(attempt.scoreId(), LockModeType.PESSIMISTIC_WRITE);
        if (score == null) {
            return;
        }
        Instant now = Instant.now();
        score.lastStatus = reply.status() == 0 ? null : reply.status();
        score.claimedUntil = null;
        if (reply.ok()) {
            score.apply(score.queue().delivered(attempt.version()));
            score.sentAt = now;
            score.lastError = null;
            return;
        }
        Duration wait = RetrySchedule.after(score.attempts + 1, ThreadLocalRandom.current())
                .orElse(AFTER_THE_SCHEDULE);
        score.apply(score.queue().failed(attempt.version(), now, wait));
        String why = reply.status() == 0 ? reply.error() : "HTTP " + reply.status() + ": " + reply.body();
        score.lastError = why == null ? null : why.length() > 500 ? why.substring(0, 500) : why;
        LOG.debugf("Score %d not sent (%s); next attempt at %s", score.id, score.lastError, score.nextAttemptAt);
    }

    /** A line item's scores endpoint: {@code /scores} after its path, before any query. */
    static String scoresOf(String lineItem) {
        int query = lineItem.indexOf('?');
        return query < 0 ? lineItem + "/scores" : lineItem.substring(0, query) + "/scores" + lineItem.substring(query);
    }
}
