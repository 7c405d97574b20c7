package org.planbridge.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class LogsPageTest {

  @Test
  void readsATypedTimeAsUtcToTheMinuteOrSecond() {
    assertEquals(OffsetDateTime.parse("2026-12-01T17:25:00Z"), SpanInput.time("from", "2026-12-01 17:25"));
    assertEquals(OffsetDateTime.parse("2026-12-01T17:25:09Z"), SpanInput.time("from", " 2026-12-01T17:25:09 "));
    assertNull(SpanInput.time("from", "  "));
  }

  @Test
  void refusesWhatIsNoTimeOrNoIdNamingTheField() {
    assertEquals("to: 'yesterday' is not a time; write it as 2026-12-01 17:25 (UTC)",
        assertThrows(IllegalArgumentException.class, () -> SpanInput.time("to", "yesterday")).getMessage());
    assertEquals("transaction: '12a' is not an id (a whole number above 0)",
        assertThrows(IllegalArgumentException.class, () -> LogsPage.id("transaction", "12a")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> LogsPage.id("appointment", "0"));
    assertThrows(IllegalArgumentException.class, () -> LogsPage.id("appointment", "99999999999999999999"));
    assertEquals(12L, LogsPage.id("transaction", " 12 "));
  }

  @Test
  void showsATimeToTheSecondEvenWhenItsIsoFormLeavesTheSecondsOut() {
    assertEquals("2026-12-01 17:25:00", ShownTime.of("2026-12-01T17:25Z"));
    assertEquals("2026-12-01 16:25:03", ShownTime.of("2026-12-01T17:25:03.123456+01:00"));
    assertEquals("", ShownTime.of(null));
  }
}
