package dev.syllabus.http;

import dev.syllabus.domain.DomainException;
import dev.syllabus.domain.Names;
import java.util.Arrays;
import java.util.Locale;

/**
 * Checks path parameters by hand, because JAX-RS turns a malformed path parameter into a 404
 * where the client deserves a 400 naming the parameter.
 */
public final class PathParams {

    private PathParams() {}

    public static String slug(String field, String value) {
        if (value.length() > 100 || !Names.isSlug(value)) {
            throw DomainException.invalid(field, "must be a slug: lower-case letters, digits and single hyphens");
        }
        return value;
    }

    /** An account's login (a path or query parameter): a GitHub login, or one Syllabus reserved. */
    public static String login(String field, String value) {
        if (!Names.isAccountLogin(value)) {
            throw DomainException.invalid(field, "must be a GitHub login");
        }
        return value;
    }

    /** A homework code such as H3, any case, as the upper-case code. */
    public static String homeworkCode(String field, String value) {
        if (!value.matches("[Hh]\\d{1,4}")) {
            throw DomainException.invalid(field, "must be a homework code such as H3");
        }
        return value.toUpperCase(Locale.ROOT);
    }

    public static int number(String field, String value, int max) {
        if (value.matches("\\d{1,9}")) {
            int number = Integer.parseInt(value);
            if (number >= 1 && number <= max) {
                return number;
            }
        }
        throw DomainException.invalid(field, "must be a whole number from 1 to " + max);
    }

    /** One of an enum's constants, any case; null when the parameter is absent or empty. */
    public static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw DomainException.invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    /** true or false, any case; null when the parameter is absent or empty. */
    public static Boolean bool(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value.toLowerCase(Locale.ROOT));
        }
        throw DomainException.invalid(field, "must be true or false");
    }
}
