package dev.syllabus.progress.cohort;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.syllabus.content.Run;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Computed cohorts, kept briefly. A cohort of a thousand students reads tens of thousands of rows:
 * instructors paging through it, downloading its CSV or gradebook, share one computation, and
 * concurrent requests wait for it instead of each holding its own copy. After {@link #FRESHNESS}
 * the next request still gets the cohort at once while it is recomputed in the background; an
 * unused one is dropped after {@link #MAX_AGE}. Every change that shows in a cohort on this replica
 * (ticks, reviews, extensions, enrolments: see the callers of {@link #changed}) drops the course's
 * cohorts at once; other replicas' changes (and a login GitHub proves) show within {@link #MAX_AGE}.
 * A new content version or a moved run makes new keys. What is rendered from a computed cohort (a
 * page of JSON, the CSV) is kept beside it, made once per computation, within a byte budget.
 */
@ApplicationScoped
public class CohortCache {

    static final Duration FRESHNESS = Duration.ofSeconds(5);
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    /** One cohort: its course, the content version and run dates it was computed from, and its filter. */
    record Key(long courseId, String slug, String version, Run run, CohortService.Filter filter) {}

    /** A computed cohort: compared by identity, so what is rendered from it is never taken for a newer one's. */
    static final class Computed {
        private final List<CohortViews.Row> rows;

        Computed(List<CohortViews.Row> rows) {
            this.rows = List.copyOf(rows);
        }

        List<CohortViews.Row> rows() {
            return rows;
        }
    }

    /** What was rendered from one computed cohort in one form (a page request, the CSV). */
    private record Rendering(Computed cohort, Object form) {}

    /** Bytes ready to send, at most {@link #RENDERED_BYTES} in all (the heap is small). */
    static final long RENDERED_BYTES = 8L << 20;

    private final Cache<Rendering, byte[]> rendered = Caffeine.newBuilder()
            .maximumWeight(RENDERED_BYTES)
            .weigher((Rendering rendering, byte[] bytes) -> bytes.length)
            .expireAfterWrite(MAX_AGE)
            .build();

    private volatile Function<Key, List<CohortViews.Row>> compute;
    private final LoadingCache<Key, Computed> cohorts = Caffeine.newBuilder()
            .refreshAfterWrite(FRESHNESS)
            .expireAfterWrite(MAX_AGE)
            .maximumSize(64)
            .build(key -> new Computed(compute.apply(key)));

    /** How a cohort is computed (in a transaction of its own): set once by {@link CohortService}. */
    void computeWith(Function<Key, List<CohortViews.Row>> computation) {
        this.compute = computation;
    }

    Computed get(Key key) {
        return cohorts.get(key);
    }

    /** The cohort rendered in {@code form}: rendered once per computed cohort, then sent as is. */
    byte[] rendered(Computed cohort, Object form, Function<List<CohortViews.Row>, byte[]> render) {
        return rendered.get(new Rendering(cohort, form), unused -> render.apply(cohort.rows()));
    }

    /** Something that shows in the course's cohorts changed on this replica. */
    public void changed(long courseId) {
        cohorts.asMap().keySet().removeIf(key -> key.courseId() == courseId);
    }
}
