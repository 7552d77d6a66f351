package dev.syllabus.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * The one content negotiation for addresses that serve more than one media type: of the types an
 * operation offers, the one the client prefers. (The REST layer has already answered 406 when none fits.)
 */
public final class Negotiation {

    private Negotiation() {}

    /**
     * The offered type that fits the client's most preferred acceptable type (Accept order, by
     * quality and specificity); the first offered one when the client accepts anything or says nothing.
     */
    public static MediaType preferred(HttpHeaders headers, MediaType... offered) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            for (MediaType type : offered) {
                if (accepted.isCompatible(type)) {
                    return type;
                }
            }
        }
        return offered[0];
    }
}
