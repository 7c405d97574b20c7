package org.planbridge.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Automatic retries of Failed transactions with exponential back-off, off by default
 * ({@code planbridge.retry.max.attempts} = 1: one attempt, then Failed until the retry CRON or an
 * administrator sends it again). With more attempts, a failed one goes out again after
 * {@code initial × 2^(attempts - 1)} seconds, at most {@code max} seconds, less up to a fifth at random so that
 * transactions that failed together do not all come back at once; a back office's Retry-After is honoured (never
 * sooner than it asked, up to a day).
 */
@ApplicationScoped
public class Backoff {

  static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);

  @Inject
  @ConfigProperty(name = "planbridge.retry.max.attempts", defaultValue = "1")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "planbridge.retry.backoff.seconds", defaultValue = "30")
  long initialSeconds;

  @Inject
  @ConfigProperty(name = "planbridge.retry.backoff.max.seconds", defaultValue = "3600")
  long maxSeconds;

  /** Rejects settings that make no sense, with a message naming the setting. */
  public void validate() {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("PLANBRIDGE_RETRY_MAX_ATTEMPTS must be 1 (no automatic retry) or more, not "
          + maxAttempts);
    }
    if (initialSeconds < 1) {
      throw new IllegalArgumentException("PLANBRIDGE_RETRY_BACKOFF_SECONDS must be 1 or more, not " + initialSeconds);
    }
    if (maxSeconds < initialSeconds) {
      throw new IllegalArgumentException("PLANBRIDGE_RETRY_BACKOFF_MAX_SECONDS (" + maxSeconds
          + ") must be at least PLANBRIDGE_RETRY_BACKOFF_SECONDS (" + initialSeconds + ")");
    }
  }

  public boolean enabled() {
    return maxAttempts > 1;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * When a transaction that failed its {@code attemptsMade}-th attempt goes out again by itself; empty when that
   * was the last automatic attempt.
   */
  public Optional<OffsetDateTime> next(int attemptsMade, Optional<Duration> retryAfter, OffsetDateTime now) {
    if (attemptsMade >= maxAttempts) {
      return Optional.empty();
    }
    long exponential = initialSeconds << Math.min(attemptsMade - 1, 40);
    long capped = exponential <= 0 || exponential > maxSeconds ? maxSeconds : exponential;
    long millis = Math.round(capped * 1000 * (1 - ThreadLocalRandom.current().nextDouble(0.2)));
    Duration wait = Duration.ofMillis(millis);
    Optional<Duration> asked = retryAfter.map(Backoff::capped);
    if (asked.isPresent() && asked.get().compareTo(wait) > 0) {
      wait = asked.get();
    }
    return Optional.of(now.plus(wait));
  }

  /**
   * Until when a back office that answered with {@code retryAfter} asked its whole connector to wait (at most
   * {@link #LONGEST_RETRY_AFTER}); empty when it asked for no wait.
   */
  static Optional<OffsetDateTime> pauseUntil(Optional<Duration> retryAfter, OffsetDateTime now) {
    return retryAfter.filter(wait -> !wait.isZero()).map(wait -> now.plus(capped(wait)));
  }

  private static Duration capped(Duration retryAfter) {
    return retryAfter.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : retryAfter;
  }
}
