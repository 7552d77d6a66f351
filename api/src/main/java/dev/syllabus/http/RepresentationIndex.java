package dev.syllabus.http;

/**
 * Answers which representation currently stands at a path, for features that pre-serialise their
 * answers. Lets {@link PrecomputedResponses} answer without entering JAX-RS.
 */
public interface RepresentationIndex {

    /** The JSON (or, with {@code markdown}, the Markdown) representation at {@code path}, or null. */
    Representation at(String path, boolean markdown);
}
