package org.planbridge.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

  static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.UTC);

  static Backoff backoff(int maxAttempts, long initialSeconds, long maxSeconds) {
    Backoff backoff = new Backoff();
    backoff.maxAttempts = maxAttempts;
    backoff.initialSeconds = initialSeconds;
    backoff.maxSeconds = maxSeconds;
    return backoff;
  }

  static Duration wait(Backoff backoff, int attemptsMade, Duration retryAfter) {
    return Duration.between(NOW, backoff.next(attemptsMade, Optional.ofNullable(retryAfter), NOW).orElseThrow());
  }

  @Test
  void offByDefaultOneAttemptAndNoAutomaticRetry() {
    Backoff backoff = backoff(1, 30, 3600);
    assertFalse(backoff.enabled());
    assertEquals(Optional.empty(), backoff.next(1, Optional.empty(), NOW));
  }

  @Test
  void theWaitDoublesWithEachAttemptUpToTheCapLessAFifthAtMost() {
    Backoff backoff = backoff(10, 30, 200);
    long[] full = {30, 60, 120, 200, 200, 200, 200, 200, 200};
    for (int attempt = 1; attempt <= 9; attempt++) {
      for (int sample = 0; sample < 50; sample++) {
        long ms = wait(backoff, attempt, null).toMillis();
        assertTrue(ms <= full[attempt - 1] * 1000 && ms >= full[attempt - 1] * 800,
            "after attempt " + attempt + ": " + ms + " ms, expected within 80-100 % of " + full[attempt - 1] + " s");
      }
    }
  }

  @Test
  void afterTheLastAttemptThereIsNoAutomaticRetry() {
    Backoff backoff = backoff(3, 30, 3600);
    assertTrue(backoff.next(2, Optional.empty(), NOW).isPresent());
    assertEquals(Optional.empty(), backoff.next(3, Optional.empty(), NOW));
    assertEquals(Optional.empty(), backoff.next(4, Optional.of(Duration.ofSeconds(5)), NOW));
  }

  @Test
  void aRetryAfterLongerThanTheBackOffIsHonouredAShorterOneDoesNotMakeItSooner() {
    Backoff backoff = backoff(5, 30, 60);
    assertEquals(Duration.ofSeconds(600), wait(backoff, 1, Duration.ofSeconds(600)), "longer than the cap, too");
    assertTrue(wait(backoff, 1, Duration.ofSeconds(1)).toMillis() >= 24_000);
    assertEquals(Duration.ofDays(1), wait(backoff, 1, Duration.ofDays(30)), "at most a day");
  }

  @Test
  void aHugeAttemptCountStaysAtTheCap() {
    Duration wait = wait(backoff(Integer.MAX_VALUE, 30, 3600), 500, null);
    assertTrue(wait.toSeconds() <= 3600 && wait.toSeconds() >= 2880, wait.toString());
  }

  @Test
  void settingsThatMakeNoSenseAreRejectedNamingTheSetting() {
    assertEquals("PLANBRIDGE_RETRY_MAX_ATTEMPTS must be 1 (no automatic retry) or more, not 0",
        assertThrows(IllegalArgumentException.class, () -> backoff(0, 30, 3600).validate()).getMessage());
    assertEquals("PLANBRIDGE_RETRY_BACKOFF_SECONDS must be 1 or more, not 0",
        assertThrows(IllegalArgumentException.class, () -> backoff(3, 0, 3600).validate()).getMessage());
    assertEquals("PLANBRIDGE_RETRY_BACKOFF_MAX_SECONDS (10) must be at least PLANBRIDGE_RETRY_BACKOFF_SECONDS (30)",
        assertThrows(IllegalArgumentException.class, () -> backoff(3, 30, 10).validate()).getMessage());
    backoff(5, 30, 3600).validate();
  }
}
