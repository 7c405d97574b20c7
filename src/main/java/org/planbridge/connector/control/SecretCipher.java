package org.planbridge.connector.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts secrets at rest (connector passwords) with AES-GCM. Each value gets a fresh random
 * 12-byte IV and is stored as base64 of {@code version byte (1) | IV | cipher text with its 16-byte
 * tag}; the version byte is also authenticated, so a later format can be told apart. The key is
 * {@code planbridge.secret.key} ({@code PLANBRIDGE_SECRET_KEY}), base64 of 16, 24 or 32 bytes.
 *
 * <p>The key is checked when a secret is first needed, not at start-up: PlanBridge runs without it
 * as long as no connector has a password. Messages never contain the key, a secret or cipher text.
 */
@ApplicationScoped
public class SecretCipher {

  static final String CONFIG_KEY = "planbridge.secret.key";
  static final byte VERSION = 1;
  static final int IV_BYTES = 12;
  static final int TAG_BITS = 128;
  private static final String HOW = "set PLANBRIDGE_SECRET_KEY to the base64 of 16, 24 or 32 random bytes"
      + " (for example: openssl rand -base64 32)";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject
  @ConfigProperty(name = CONFIG_KEY)
  Optional<String> configuredKey;

  private volatile SecretKey key;

  /** A cipher with the given key (base64), outside a container. */
  public static SecretCipher withKey(String base64Key) {
    SecretCipher cipher = new SecretCipher();
    cipher.configuredKey = Optional.ofNullable(base64Key);
    return cipher;
  }

  /** The stored form of a secret: base64 of version, IV and cipher text. */
  public String encrypt(String secret) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(new byte[] {VERSION});
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(
          ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new SecretUnavailable("A secret cannot be encrypted: " + e.getClass().getSimpleName());
    }
  }

  /** The secret behind a stored value, for the delivery to a back office; never show or log it. */
  public String reveal(String stored) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(stored);
    } catch (IllegalArgumentException e) {
      throw new SecretUnavailable("A stored secret is damaged (not base64); set the password again.");
    }
    if (bytes.length < 1 + IV_BYTES + TAG_BITS / 8 || bytes[0] != VERSION) {
      throw new SecretUnavailable("A stored secret is damaged or in an unknown format; set the password again.");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 1, IV_BYTES));
      cipher.updateAAD(bytes, 0, 1);
      byte[] plain = cipher.doFinal(bytes, 1 + IV_BYTES, bytes.length - 1 - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new SecretUnavailable("A stored secret cannot be decrypted: it was changed, or encrypted with another"
          + " PLANBRIDGE_SECRET_KEY. Restore that key, or set the password again.");
    } catch (GeneralSecurityException e) {
      throw new SecretUnavailable("A stored secret cannot be decrypted: " + e.getClass().getSimpleName());
    }
  }

  private SecretKey key() {
    SecretKey known = key;
    if (known == null) {
      known = parse(configuredKey == null ? Optional.empty() : configuredKey);
      key = known;
    }
    return known;
  }

  static SecretKey parse(Optional<String> configured) {
    String text = configured.map(String::trim).orElse("");
    if (text.isEmpty()) {
      throw new SecretUnavailable("No secret key is configured, so passwords cannot be stored or read: " + HOW + ".");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      // the decoder's message quotes a character of the key: not repeated here
      throw new SecretUnavailable("PLANBRIDGE_SECRET_KEY is not valid base64: " + HOW + ".");
    }
    if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
      throw new SecretUnavailable("PLANBRIDGE_SECRET_KEY decodes to " + bytes.length + " bytes, not 16, 24 or 32: "
          + HOW + ".");
    }
    return new SecretKeySpec(bytes, "AES");
  }
}
