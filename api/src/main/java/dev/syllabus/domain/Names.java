package dev.syllabus.domain;

import java.util.regex.Pattern;

/**
 * The names people type, each rule in one place: course and run slugs, GitHub logins and GitHub
 * repository addresses. Where a request model declares one, the contract (META-INF/openapi.yaml)
 * writes the same {@code pattern} (ContractConstraintsTest holds the two together), and the web
 * client's forms take it from there (web-client/scripts/generated.mjs).
 */
public final class Names {

    /** A slug: lower-case letters and digits, single hyphens between them. */
    public static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";

    /** The longest a run's name (a slug) may be. */
    public static final int RUN_NAME_MAX_LENGTH = 40;

    /** A GitHub login: letters, digits and single hyphens between them, at most 39 characters. */
    public static final String GITHUB_LOGIN = "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$";

    /**
     * The start of a GitHub repository's address, {@code https://github.com/{owner}/{repo}}, with
     * the owner and the repository as groups 1 and 2; callers add what may follow.
     */
    public static final String GITHUB_REPOSITORY_URL =
            "https://github\\.com/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/([A-Za-z0-9._-]{1,100}?)";

    /**
     * A login Syllabus gives an account GitHub has not named: {@code gh--<id>} (a GitHub user's
     * former login, renamed away) or {@code lti--<hex>} (a learning platform's user). GitHub never
     * hands out two hyphens in a row, so no GitHub user can claim one.
     */
    public static final String RESERVED_LOGIN = "^(gh|lti)--[a-z0-9]{1,32}$";

    private static final Pattern RESERVED_LOGIN_PATTERN = Pattern.compile(RESERVED_LOGIN);
    private static final Pattern SLUG_PATTERN = Pattern.compile(SLUG);
    private static final Pattern LOGIN_PATTERN = Pattern.compile(GITHUB_LOGIN);

    private Names() {}

    public static boolean isSlug(String text) {
        return text != null && SLUG_PATTERN.matcher(text).matches();
    }

    public static boolean isGithubLogin(String text) {
        return text != null && LOGIN_PATTERN.matcher(text).matches();
    }

    /** An account's login: a GitHub login, or one Syllabus reserved (see {@link #RESERVED_LOGIN}). */
    public static boolean isAccountLogin(String text) {
        return isGithubLogin(text)
                || text != null && RESERVED_LOGIN_PATTERN.matcher(text).matches();
    }
}
