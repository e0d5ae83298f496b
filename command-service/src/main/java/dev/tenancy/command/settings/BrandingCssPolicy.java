package dev.tenancy.command.settings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a tenant's custom CSS may contain. It is served inside the product's pages, so anything that could run
 * script, leave the style element, pull in other stylesheets or load from another origin is refused, not rewritten:
 * the tenant sees why and fixes it. Allowed: plain rules, comments, at-rules other than {@code @import} and
 * {@code @charset}, and {@code url()} with a relative path or a {@code data:image/(png|gif|jpeg|webp)} URI.
 * <p>
 * Every check runs on the text as sent and again with comments removed, so a comment cannot split a forbidden word
 * ({@code @im/**}{@code /port}); forbidden words inside comments are refused too.
 */
public final class BrandingCssPolicy {

    public static final int MAX_LENGTH = 20_000;
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern URL = Pattern.compile("url\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA_IMAGE = Pattern.compile("data:image/(png|gif|jpeg|webp)[;,].*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*\\s*:.*", Pattern.DOTALL);
    private static final List<Forbidden> FORBIDDEN = List.of(
            Forbidden.literal("</style", "must not close the style element (</style)"),
            Forbidden.literal("<", "must not contain markup (<)"),
            Forbidden.literal("\\", "must not contain backslash escapes"),
            Forbidden.literal("@import", "must not import other stylesheets (@import)"),
            Forbidden.literal("@charset", "must not declare a charset (@charset)"),
            Forbidden.regex("expression\\s*\\(", "must not contain expression()"),
            Forbidden.regex("javascript\\s*:", "must not contain javascript: URLs"),
            Forbidden.regex("vbscript\\s*:", "must not contain vbscript: URLs"),
            Forbidden.regex("behavior\\s*:", "must not contain behavior:"),
            Forbidden.literal("-moz-binding", "must not contain -moz-binding"),
            Forbidden.regex("image-set\\s*\\(", "must not use image-set(), which loads URLs without url()"));

    private BrandingCssPolicy() {
    }

    /** Why the CSS is refused, or empty when it is acceptable. */
    public static Optional<String> violation(String css) {
        if (css.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (css.chars().anyMatch(c -> c != '\n' && c != '\r' && c != '\t' && (c < 0x20 || c == 0x7f))) {
            return Optional.of("must not contain control characters");
        }
        String raw = css.toLowerCase(Locale.ROOT);
        String uncommented = COMMENT.matcher(raw).replaceAll("");
        for (Forbidden forbidden : FORBIDDEN) {
            if (forbidden.foundIn(raw) || forbidden.foundIn(uncommented)) {
                return Optional.of(forbidden.reason());
            }
        }
        Optional<String> rawUrls = urls(raw);
        return rawUrls.isPresent() ? rawUrls : urls(uncommented);
    }

    private static Optional<String> urls(String css) {
        Matcher matcher = URL.matcher(css);
        while (matcher.find()) {
            int at = skipSpaces(css, matcher.end());
            String target;
            int end;
            if (at < css.length() && (css.charAt(at) == '"' || css.charAt(at) == '\'')) {
                end = css.indexOf(css.charAt(at), at + 1);
                target = end < 0 ? null : css.substring(at + 1, end);
            } else {
                end = css.indexOf(')', at);
                target = end < 0 ? null : css.substring(at, end).trim();
            }
            if (target == null) {
                return Optional.of("has a url( that is not closed");
            }
            Optional<String> refused = refusedTarget(target.trim());
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> refusedTarget(String target) {
        if (target.isEmpty()) {
            return Optional.of("has an empty url()");
        }
        if (DATA_IMAGE.matcher(target).matches()) {
            return Optional.empty();
        }
        if (target.startsWith("//") || SCHEME.matcher(target).matches()) {
            return Optional.of("may load only relative paths or data:image/(png|gif|jpeg|webp) URIs in url(), not "
                    + "other origins or schemes");
        }
        return Optional.empty();
    }

    private static int skipSpaces(String text, int from) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private record Forbidden(Pattern pattern, String reason) {

        static Forbidden literal(String text, String reason) {
            return new Forbidden(Pattern.compile(Pattern.quote(text)), reason);
        }

        static Forbidden regex(String regex, String reason) {
            return new Forbidden(Pattern.compile(regex), reason);
        }

        boolean foundIn(String css) {
            return pattern.matcher(css).find();
        }
    }
}
