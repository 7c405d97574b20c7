package org.planbridge.connector.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretCipherTest {

  static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

  final SecretCipher cipher = SecretCipher.withKey(KEY);

  @ParameterizedTest
  @ValueSource(strings = {"s3cret", "", "pässwörd with ünïcode and 😀", "a much longer password, with spaces and ; , \" ' signs"})
  void whatIsEncryptedIsRevealed(String secret) {
    String stored = cipher.encrypt(secret);
    assertFalse(stored.contains(secret) && !secret.isEmpty(), "the stored form must not contain the secret");
    assertEquals(secret, cipher.reveal(stored));
    assertEquals(secret, SecretCipher.withKey(KEY).reveal(stored), "another instance with the same key reads it");
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 24, 32})
  void everyAesKeySizeWorks(int bytes) {
    SecretCipher sized = SecretCipher.withKey(Base64.getEncoder().encodeToString(new byte[bytes]));
    assertEquals("x", sized.reveal(sized.encrypt("x")));
  }

  @Test
  void theFormatIsVersionThenTwelveByteIvThenCipherTextWithTag() {
    byte[] stored = Base64.getDecoder().decode(cipher.encrypt("abc"));
    assertEquals(1, stored[0]);
    assertEquals(1 + 12 + 3 + 16, stored.length);
  }

  @Test
  void eachValueGetsItsOwnIv() {
    Set<String> ivs = new HashSet<>();
    Set<String> stored = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      String value = cipher.encrypt("same password");
      stored.add(value);
      byte[] bytes = Base64.getDecoder().decode(value);
      ivs.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, 1, 13)));
    }
    assertEquals(50, ivs.size());
    assertEquals(50, stored.size(), "the same password never looks the same twice");
  }

  @Test
  void aChangedByteIsDetected() {
    byte[] stored = Base64.getDecoder().decode(cipher.encrypt("s3cret"));
    for (int i = 1; i < stored.length; i++) {
      byte[] tampered = stored.clone();
      tampered[i] ^= 0x01;
      String text = Base64.getEncoder().encodeToString(tampered);
      SecretUnavailable refused = assertThrows(SecretUnavailable.class, () -> cipher.reveal(text), "byte " + i);
      assertTrue(refused.getMessage().contains("changed"), refused.getMessage());
    }
  }

  @Test
  void aTruncatedOrUnknownValueIsRefused() {
    byte[] stored = Base64.getDecoder().decode(cipher.encrypt("s3cret"));
    byte[] otherVersion = stored.clone();
    otherVersion[0] = 2;
    assertThrows(SecretUnavailable.class, () -> cipher.reveal(Base64.getEncoder().encodeToString(otherVersion)));
    assertThrows(SecretUnavailable.class, () -> cipher.reveal(Base64.getEncoder().encodeToString(new byte[20])));
    assertThrows(SecretUnavailable.class, () -> cipher.reveal("not base64 at all!"));
  }

  @Test
  void anotherKeyCannotRevealIt() {
    String stored = cipher.encrypt("s3cret");
    SecretUnavailable refused = assertThrows(SecretUnavailable.class, () -> SecretCipher.withKey(OTHER_KEY).reveal(stored));
    assertTrue(refused.getMessage().contains("another PLANBRIDGE_SECRET_KEY"), refused.getMessage());
    assertFalse(refused.getMessage().contains(OTHER_KEY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void aMissingKeyIsNamedWhenASecretIsUsed(String configured) {
    SecretCipher none = SecretCipher.withKey(configured);
    SecretUnavailable refused = assertThrows(SecretUnavailable.class, () -> none.encrypt("s3cret"));
    assertTrue(refused.getMessage().contains("No secret key is configured"), refused.getMessage());
    assertTrue(refused.getMessage().contains("PLANBRIDGE_SECRET_KEY"), refused.getMessage());
    assertThrows(SecretUnavailable.class, () -> SecretCipher.withKey(null).reveal(cipher.encrypt("x")));
  }

  @Test
  void anInvalidKeyIsRefusedWithoutQuotingIt() {
    String notBase64 = "this-is-not-base64-key!";
    SecretUnavailable refused = assertThrows(SecretUnavailable.class, () -> SecretCipher.withKey(notBase64).encrypt("x"));
    assertTrue(refused.getMessage().contains("not valid base64"), refused.getMessage());
    assertFalse(refused.getMessage().contains(notBase64));
    assertFalse(refused.getMessage().contains("!"), "the decoder's message names a character of the key");

    String shortKey = Base64.getEncoder().encodeToString(new byte[10]);
    SecretUnavailable tooShort = assertThrows(SecretUnavailable.class, () -> SecretCipher.withKey(shortKey).encrypt("x"));
    assertTrue(tooShort.getMessage().contains("10 bytes, not 16, 24 or 32"), tooShort.getMessage());
    assertFalse(tooShort.getMessage().contains(shortKey));
  }

  @Test
  void keysDifferInWhatTheyProduce() {
    assertNotEquals(cipher.encrypt("x"), SecretCipher.withKey(OTHER_KEY).encrypt("x"));
  }
}
