package dev.syllabus.http;

/**
 * What {@link PrecomputedResponses} serves at one address: its representations (null where there is
 * none in that media type) and the route the resources declare for the address, which metrics and
 * traces name instead of the address, as they do for the REST layer's answers.
 */
public record Precomputed(String route, Representation json, Representation markdown) {

    public Representation in(boolean asMarkdown) {
        return asMarkdown ? markdown : json;
    }
}
