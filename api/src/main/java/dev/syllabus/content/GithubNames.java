package dev.syllabus.content;

import java.util.regex.Pattern;

/** GitHub's naming rules, in one place: the API's request models and the content check use them. */
public final class GithubNames {

    /** A GitHub login: letters, digits and single hyphens between them, at most 39 characters. */
    public static final String LOGIN = "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$";

    private static final Pattern LOGIN_PATTERN = Pattern.compile(LOGIN);

    private GithubNames() {}

    public static boolean isLogin(String text) {
        return text != null && LOGIN_PATTERN.matcher(text).matches();
    }
}
