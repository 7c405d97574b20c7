package org.planbridge.backoffice;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The HTTP {@code Retry-After} header (RFC 9110, 10.2.3): a number of seconds, or an HTTP date. */
public final class RetryAfter {

  private RetryAfter() {}

  /** How long the back office asked to wait in its answer's Retry-After, from now (see {@link #parse}). */
  public static Optional<Duration> of(HttpResponse<?> answer) {
    return parse(answer.headers().firstValue("Retry-After").orElse(null), Instant.now());
  }

  /**
   * How long the back office asked to wait, from {@code now}; empty when the header is missing or not one of the
   * two forms (it is then ignored, not an error). A date in the past means: no need to wait.
   */
  public static Optional<Duration> parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException tooLong) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }
}
