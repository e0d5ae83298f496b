package dev.tenancy.platform.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys look like {@code tpk_<prefix>_<secret>}: a marker that tells them from access tokens (and lets secret
 * scanners find them), a 12-character public prefix that identifies the key for lookup, and a 43-character secret.
 * Both parts are base62 from {@link SecureRandom}, so a key can be selected with a double click and never needs
 * escaping. The secret alone carries 256 bits of entropy.
 * <p>
 * Only a SHA-256 hash of the whole key is stored. A slow password hash (BCrypt) protects low-entropy secrets people
 * choose against guessing; a 256-bit random secret cannot be guessed, however fast the hash, so a fast hash loses
 * nothing and keeps every API call cheap. The stored hash is compared in constant time.
 */
public final class ApiKeyFormat {

    public static final String MARKER = "tpk_";
    static final int PREFIX_LENGTH = 12;
    /** 43 base62 characters: log2(62) * 43 = 256.03 bits. */
    static final int SECRET_LENGTH = 43;
    private static final Pattern KEY = Pattern.compile(
            "tpk_([A-Za-z0-9]{" + PREFIX_LENGTH + "})_[A-Za-z0-9]{" + SECRET_LENGTH + "}");
    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {
    }

    /** A fresh key; only its caller ever sees it, once. */
    public static NewApiKey generate() {
        String prefix = random(PREFIX_LENGTH);
        return new NewApiKey(prefix, MARKER + prefix + "_" + random(SECRET_LENGTH));
    }

    /** Whether a bearer credential is meant as an API key (rather than an access token, which never starts so). */
    public static boolean looksLikeKey(String credential) {
        return credential != null && credential.startsWith(MARKER);
    }

    /** The prefix of a well-formed key; empty for anything else, which is rejected without a lookup. */
    public static Optional<String> prefixOf(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher matcher = KEY.matcher(key);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The hex SHA-256 of the whole key, as stored. */
    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** Compares in constant time, so the response time says nothing about how much of a guess was right. */
    public static boolean matches(String key, String storedHash) {
        if (key == null || storedHash == null) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(key), expected);
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        return new String(chars);
    }
}
