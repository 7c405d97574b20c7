package org.planbridge.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeartbeatsTest {

  final Heartbeats heartbeats = new Heartbeats();
  final Instant start = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void theDrainTimerStopsCountingAfterFiveMissedTicksButNotBeforeThirtySeconds() {
    assertTrue(heartbeats.stopped(start).isPresent(), "never scheduled");
    heartbeats.drainScheduled(Duration.ofSeconds(1), start);
    assertEquals(Optional.empty(), heartbeats.stopped(start.plusSeconds(30)));
    assertTrue(heartbeats.stopped(start.plusSeconds(31)).orElseThrow().contains("has not ticked since"));
    heartbeats.drainTicked(start.plusSeconds(31));
    assertEquals(Optional.empty(), heartbeats.stopped(start.plusSeconds(32)));

    heartbeats.drainScheduled(Duration.ofSeconds(60), start);
    assertEquals(Optional.empty(), heartbeats.stopped(start.plusSeconds(300)));
    assertTrue(heartbeats.stopped(start.plusSeconds(301)).isPresent());
  }

  @Test
  void theRetryTimerIsStoppedWhenItsNextRunIsOverdueByMoreThanTheGrace() {
    heartbeats.drainScheduled(Duration.ofSeconds(1), start);
    heartbeats.retryScheduled(start.plusSeconds(60), start);
    heartbeats.drainTicked(start.plusSeconds(90));
    assertEquals(Optional.empty(), heartbeats.stopped(start.plusSeconds(90)));
    heartbeats.drainTicked(start.plusSeconds(91));
    assertTrue(heartbeats.stopped(start.plusSeconds(91)).orElseThrow().contains("retry timer"));

    heartbeats.retryScheduled(start.plusSeconds(91), start.plusSeconds(91));
    assertEquals(Optional.empty(), heartbeats.nextRetry(), "a time not after now is the run in progress");
    assertEquals(Optional.empty(), heartbeats.stopped(start.plusSeconds(91)));
  }
}
