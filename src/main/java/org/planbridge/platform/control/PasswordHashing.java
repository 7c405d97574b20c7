package org.planbridge.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Passwords (the console's accounts', the planning board's users') as Jakarta Security's {@link Pbkdf2PasswordHash} writes them: PBKDF2WithHmacSHA512 with
 * {@value #ITERATIONS} iterations (OWASP's advice for that function today), a 32-byte salt and a 64-byte key. The
 * stored text names its own algorithm and iterations, so raising them later keeps older hashes verifiable.
 */
@ApplicationScoped
public class PasswordHashing {

  static final int ITERATIONS = 210_000;

  @Inject Pbkdf2PasswordHash hash;

  /** What an unknown user's password is checked against, so that a refusal takes as long either way. */
  private volatile String decoy;

  @PostConstruct
  void configure() {
    hash.initialize(Map.of(
        "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
        "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
        "Pbkdf2PasswordHash.SaltSizeBytes", "32",
        "Pbkdf2PasswordHash.KeySizeBytes", "64"));
  }

  public String hash(String password) {
    return hash.generate(password.toCharArray());
  }

  public boolean matches(String password, String stored) {
    try {
      return hash.verify(password.toCharArray(), stored);
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  /** Spends the time of one verification and answers false. */
  public boolean matchesNothing(String password) {
    String stored = decoy;
    if (stored == null) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      stored = hash(Base64.getEncoder().encodeToString(random));
      decoy = stored;
    }
    matches(password, stored);
    return false;
  }
}
