package org.planbridge.planning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The change feed's cursor: written as the feed gives it, ordered by place, a resynchronisation's end carried. */
class ChangeCursorTest {

  @Test
  void aCursorIsReadAsWrittenAndOrderedByTransactionThenRowVersion() {
    ChangeCursor cursor = ChangeCursor.parse("after", " 7810-104233 ");
    assertEquals("7810-104233", cursor.toString());
    assertTrue(new ChangeCursor(999, 5_000).compareTo(new ChangeCursor(1003, 10)) < 0, "by transaction first");
    assertTrue(new ChangeCursor(1003, 9).compareTo(new ChangeCursor(1003, 10)) < 0, "then by row version");
    assertEquals(0, cursor.compareTo(cursor.resyncingTo(new ChangeCursor(9000, 0))), "a resync's end is not a place");
  }

  @Test
  void aResynchronisationCarriesWhereItBeganUntilItHasGonePastIt() {
    ChangeCursor resync = ChangeCursor.START.resyncingTo(new ChangeCursor(900, 0));
    assertEquals("0-0-900-0", resync.toString());
    assertEquals(new ChangeCursor(900, 0), resync.covered(), "deletes before where it began cannot be missed");

    ChangeCursor midway = resync.movedTo(new ChangeCursor(850, 77));
    assertEquals("850-77-900-0", midway.toString());
    assertEquals(midway, ChangeCursor.parse("after", midway.toString()));

    ChangeCursor past = midway.movedTo(new ChangeCursor(900, 3));
    assertEquals("900-3", past.toString(), "past where it began, an ordinary cursor");
    assertEquals(past, past.covered());
  }

  @Test
  void anythingElseIsRefusedNamingTheParameter() {
    for (String bad : new String[] {"", "12", "1-2-3", "-1-2", "1--2", "a-b", "1-2-3-4-5", "1234567890123456789-1"}) {
      BadParameter refused = assertThrows(BadParameter.class, () -> ChangeCursor.parse("after", bad), bad);
      assertEquals("after", refused.parameter());
      assertTrue(refused.getMessage().contains("'" + bad + "'"), refused.getMessage());
    }
  }
}
