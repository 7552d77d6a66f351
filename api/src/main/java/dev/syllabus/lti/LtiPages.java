package dev.syllabus.lti;

import dev.syllabus.account.Tokens;

/**
 * The few HTML pages LTI needs, shown inside the platform's frame or window: a launch's hand-off to
 * the web client, a deep-linking answer on its way back, the end of a dynamic registration, and a
 * refusal that says why. Each page runs
 * at most one inline script, admitted by a nonce in its own Content-Security-Policy; none is cached.
 */
final class LtiPages {

    /** The web client's sessionStorage key for a sign-in this tab started (web-client/src/lib/session.svelte.ts). */
    static final String NONCE_KEY = "syllabus.github.nonce";

    private LtiPages() {}

    /** A page to answer: its status, its HTML, and the Content-Security-Policy that admits its script. */
    record Page(int status, String html, String policy) {}

    /**
     * Hands the session to the web client: the page (on the web client's origin, behind which the
     * API is served) keeps a nonce in this tab's sessionStorage and goes to {@code landing} with
     * the token and that nonce in the fragment, which is how the web client takes a sign-in.
     */
    static Page launched(String publicUrl, String landing, String token, String frameAncestor) {
        String nonce = Tokens.newToken().substring(0, 32);
        String target = publicUrl + landing + "#token=" + token + "&nonce=" + nonce;
        String script =
                "sessionStorage.setItem(" + js(NONCE_KEY) + "," + js(nonce) + ");location.replace(" + js(target) + ");";
        return page(
                200,
                "Signing you in",
                "<p>Signing you in to Syllabus&hellip;</p><noscript><p>Syllabus needs JavaScript.</p></noscript>",
                script,
                frameAncestor,
                null);
    }

    /** The end of a dynamic registration: tells the platform to close its dialog (LTI Dynamic Registration, section 3.7). */
    static Page registered(String platformName, String frameAncestor) {
        return page(
                200,
                "Syllabus is registered",
                "<p>Syllabus is registered with " + html(platformName)
                        + ". You can close this window; the platform's administrator may need to activate the tool.</p>",
                "(window.opener||window.parent).postMessage({subject:'org.imsglobal.lti.close'},'*');",
                frameAncestor,
                null);
    }

    /**
     * The deep-linking answer on its way back: the signed JWT, posted to the platform's return URL
     * by the page's script (or by the instructor's click, without JavaScript). The policy admits a
     * form post to that one origin.
     */
    static Page deepLinked(String returnUrl, String jwt, String frameAncestor) {
        String body = "<p>Placing the homework in your course&hellip;</p><form method=\"post\" action=\""
                + html(returnUrl) + "\"><input type=\"hidden\" name=\"JWT\" value=\"" + html(jwt)
                + "\"><noscript><button type=\"submit\">Return to the platform</button></noscript></form>";
        return page(
                200,
                "Returning to the platform",
                body,
                "document.forms[0].submit();",
                frameAncestor,
                FrameOrigins.of(returnUrl).orElse("'none'"));
    }

    /** A refusal, with what went wrong and what to do. */
    static Page refused(int status, String title, String detail) {
        return page(
                status,
                title,
                "<p>" + html(detail) + "</p><p>Nothing was changed. Go back to the course in your learning"
                        + " platform and open Syllabus again; if it keeps failing, show this page to your instructor.</p>",
                null,
                // shown in whichever platform's frame the refused request came from: a page with
                // nothing to click and no script has nothing to hijack
                "*",
                null);
    }

    private static Page page(
            int status, String title, String body, String script, String frameAncestor, String formTarget) {
        String nonce = Tokens.newToken().substring(0, 24);
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + html(title)
                + " - Syllabus</title></head><body><h1>" + html(title) + "</h1>" + body
                + (script == null ? "" : "<script nonce=\"" + nonce + "\">" + script + "</script>")
                + "</body></html>";
        String policy = "default-src 'none'; script-src 'nonce-" + nonce + "'; base-uri 'none'; form-action "
                + (formTarget == null ? "'none'" : formTarget) + "; frame-ancestors 'self' " + frameAncestor;
        return new Page(status, html, policy);
    }

    static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** A JavaScript string literal that cannot end the script element. */
    static String js(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c) || "-_.:/?=&#%+~".indexOf(c) >= 0) {
                literal.append(c);
            } else {
                literal.append(String.format("\\u%04x", (int) c));
            }
        }
        return literal.append('"').toString();
    }
}
