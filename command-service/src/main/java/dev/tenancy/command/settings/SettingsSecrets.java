package dev.tenancy.command.settings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * Seals secret settings (the SSO client secret) before they enter a command, so events, snapshots and read models
 * only ever hold {@code enc:v1:<base64(iv | ciphertext+tag)>}. AES-256-GCM; the key is SHA-256 of a label and
 * {@code tenancy.encryption-key}, or of another label and the JWT secret when no encryption key is set. The tenant
 * and field are authenticated data, so a sealed value cannot be moved to another tenant or field.
 * <p>
 * The IV is synthetic (an HMAC of tenant, field and plaintext, as in SIV): the same secret seals to the same text, so
 * re-sending an unchanged secret changes nothing, while two different secrets never share an IV. What this reveals
 * is only whether a secret is the same as before.
 */
@Component
public class SettingsSecrets {

    public static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecretKeySpec ivKey;

    public SettingsSecrets(@Value("${tenancy.encryption-key:}") String encryptionKey,
                           @Value("${tenancy.jwt.secret:}") String jwtSecret) {
        boolean own = encryptionKey != null && !encryptionKey.isBlank();
        String source = own ? "tenancy.encryption-key:" + encryptionKey : "tenancy.jwt.secret:" + jwtSecret;
        if (!own && (jwtSecret == null || jwtSecret.isBlank())) {
            throw new IllegalStateException("Set tenancy.encryption-key (or JWT_SECRET) to seal secret settings");
        }
        this.key = new SecretKeySpec(sha256("tenancy-settings-encryption-key/v1|" + source), "AES");
        this.ivKey = new SecretKeySpec(sha256("tenancy-settings-iv-key/v1|" + source), "HmacSHA256");
    }

    public String seal(String tenantId, String field, String plaintext) {
        try {
            byte[] clear = plaintext.getBytes(StandardCharsets.UTF_8);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(ivKey);
            mac.update(associatedData(tenantId, field));
            byte[] iv = Arrays.copyOf(mac.doFinal(clear), IV_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(tenantId, field));
            byte[] sealed = cipher.doFinal(clear);
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret behind a sealed value; fails if it was sealed for another tenant or field, or tampered with. */
    public String open(String tenantId, String field, String sealedValue) {
        if (sealedValue == null || !sealedValue.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        try {
            byte[] data = Base64.getDecoder().decode(sealedValue.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(associatedData(tenantId, field));
            return new String(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the sealed value cannot be opened with this key", e);
        }
    }

    private static byte[] associatedData(String tenantId, String field) {
        return (tenantId + "\u0000" + field).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
