package dev.syllabus.progress;

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
 * A new content version or a moved run makes new keys.
 */
@ApplicationScoped
public class CohortCache {

    static final Duration FRESHNESS = Duration.ofSeconds(5);
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    /** One cohort: its course, the content version and run dates it was computed from, and its filter. */
    record Key(long courseId, String slug, String version, Run run, CohortService.Filter filter) {}

    private volatile Function<Key, List<CohortViews.Row>> compute;
    private final LoadingCache<Key, List<CohortViews.Row>> rows = Caffeine.newBuilder()
            .refreshAfterWrite(FRESHNESS)
            .expireAfterWrite(MAX_AGE)
            .maximumSize(64)
            .build(key -> List.copyOf(compute.apply(key)));

    /** How a cohort is computed (in a transaction of its own): set once by {@link CohortService}. */
    void computeWith(Function<Key, List<CohortViews.Row>> computation) {
        this.compute = computation;
    }

    List<CohortViews.Row> get(Key key) {
        return rows.get(key);
    }

    /** Something that shows in the course's cohorts changed on this replica. */
    public void changed(long courseId) {
        rows.asMap().keySet().removeIf(key -> key.courseId() == courseId);
    }
}
