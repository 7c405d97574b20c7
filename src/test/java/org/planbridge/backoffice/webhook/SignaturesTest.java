package org.planbridge.backoffice.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SignaturesTest {

  @Test
  void theSignatureIsTheHexHmacSha256OfTheBody() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        Signatures.sign("what do ya want for nothing?", "Jefe"));
  }

  @Test
  void anotherBodyOrSecretSignsDifferently() {
    String signature = Signatures.sign("{\"a\":1}", "secret");
    assertNotEquals(signature, Signatures.sign("{\"a\":2}", "secret"));
    assertNotEquals(signature, Signatures.sign("{\"a\":1}", "other"));
  }
}
