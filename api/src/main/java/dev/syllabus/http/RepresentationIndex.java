package dev.syllabus.http;

/**
 * Answers which representation currently stands at a path, for features that pre-serialise their
 * answers. Lets {@link PrecomputedResponses} answer without entering JAX-RS.
 */
public interface RepresentationIndex {

    /** What stands at {@code path}, or null. */
    Precomputed at(String path);
}
