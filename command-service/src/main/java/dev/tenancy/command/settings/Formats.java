package dev.tenancy.command.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Checks of text formats shared by settings and branding; each answers why a value is wrong, or empty. */
final class Formats {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern REGION_DIGITS = Pattern.compile("\\d{3}");
    private static final Set<String> LANGUAGES = Arrays.stream(Locale.getISOLanguages())
            .flatMap(code -> Stream.of(code, Locale.forLanguageTag(code).getISO3Language()))
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Formats() {
    }

    /**
     * A BCP 47 tag that is well-formed, survives a round trip through {@link Locale} (no silent rewriting) and names
     * a known ISO 639 language and, if given, a known ISO 3166 or UN M.49 region.
     */
    static Optional<String> languageTag(String tag) {
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            return Optional.of("not a well-formed BCP 47 language tag, e.g. en or de-CH");
        }
        if (!locale.toLanguageTag().equalsIgnoreCase(tag)) {
            return Optional.of("not a canonical BCP 47 language tag, e.g. en or de-CH");
        }
        if (!isKnownLanguage(locale)) {
            return Optional.of("unknown language '" + locale.getLanguage() + "'");
        }
        String region = locale.getCountry();
        if (!region.isEmpty() && !COUNTRIES.contains(region) && !REGION_DIGITS.matcher(region).matches()) {
            return Optional.of("unknown region '" + region + "'");
        }
        return Optional.empty();
    }

    /** ISO 639-1 and their ISO 639-2 forms, or any other code the JDK can name (such as fil). */
    private static boolean isKnownLanguage(Locale locale) {
        String language = locale.getLanguage();
        return LANGUAGES.contains(language)
                || !locale.getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(language);
    }

    /** An absolute https URL with a host and no credentials or fragment. */
    static Optional<String> httpsUrl(String text, int maxLength) {
        if (text.length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        try {
            URI uri = new URI(text);
            if (!"https".equalsIgnoreCase(uri.getScheme())) {
                return Optional.of("must be an absolute https URL");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return Optional.of("must name a host");
            }
            if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                return Optional.of("must not carry credentials or a fragment");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
    }

    static boolean isEmail(String text) {
        return text.length() <= 254 && EMAIL.matcher(text).matches();
    }

    static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }
}
