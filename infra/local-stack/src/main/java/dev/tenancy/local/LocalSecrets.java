package dev.tenancy.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Secrets the embedded stack makes for itself when the environment gives none: generated once, kept owner-readable
 * in the data dir, so a restart keeps tokens valid and the superadmin's password unchanged.
 */
final class LocalSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path dir;

    LocalSecrets(Path dataDir) {
        this.dir = dataDir.resolve("secrets");
    }

    Path jwtSecretFile() {
        return dir.resolve("jwt-secret");
    }

    Path superadminFile() {
        return dir.resolve("superadmin.properties");
    }

    String jwtSecret() {
        Path file = jwtSecretFile();
        if (!Files.exists(file)) {
            write(file, randomToken(48));
        }
        return read(file).trim();
    }

    /** Returns the stored superadmin credentials and whether they were generated just now. */
    Superadmin superadmin(String defaultEmail) {
        Path file = superadminFile();
        boolean created = false;
        if (!Files.exists(file)) {
            Properties generated = new Properties();
            generated.setProperty("email", defaultEmail);
            generated.setProperty("password", randomToken(18) + "-9a");
            try (Writer writer = new java.io.StringWriter()) {
                generated.store(writer, "Generated superadmin of the embedded stack; set SUPERADMIN_EMAIL and "
                        + "SUPERADMIN_PASSWORD to use your own");
                write(file, writer.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            created = true;
        }
        Properties stored = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            stored.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Superadmin(stored.getProperty("email"), stored.getProperty("password"), created);
    }

    record Superadmin(String email, String password, boolean createdNow) {
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, content);
        } catch (FileAlreadyExistsException raced) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
