package org.planbridge.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Text PlanBridge writes itself (log messages, audit entries) is made storable on H2 and PostgreSQL alike. */
class StorableTextStorableTest {

  @Test
  void aNulAndAnUnpairedSurrogateBecomeTheReplacementCharacterAndTheRestStaysAsItIs() {
    assertEquals("a\uFFFDb\uFFFDc\nd", StorableText.storable("a\u0000b\uD800c\nd", 100));
    assertNull(StorableText.storable(null, 10));
    assertNull(StorableText.problem(StorableText.storable("x\u0000\uDC00", 10)), "what the stored text rule accepts");
  }

  @Test
  void longTextIsCutToTheMaximumWithDotsAndNeverInsideAPair() {
    assertEquals("abcdefg...", StorableText.storable("abcdefghijkl", 10));
    assertEquals("abcdefghij", StorableText.storable("abcdefghij", 10), "exactly the maximum stays whole");
    String emoji = "\uD83D\uDE00";
    assertEquals("abcdef...", StorableText.storable("abcdef" + emoji + "xyz", 10), "the pair would not fit");
    assertEquals(10, StorableText.storable("x".repeat(50), 10).length());
  }
}
